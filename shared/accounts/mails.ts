import { optionalEnv } from '#platform/config';
import type { Mail } from '#platform/mailer';

/** The address of the web app, for links in mails. */
export const appUrl = () => (optionalEnv('APP_URL') ?? 'http://127.0.0.1:3000').replace(/\/$/, '');
export const linkTo = (path: string, token: string) =>
  `${appUrl()}${path}?token=${encodeURIComponent(token)}`;

export const signature = '\n\nMet vriendelijke groeten,\nHet team van Stagematching gezinszorg';

export function invitationMail(
  to: { email: string; name: string },
  organisationName: string,
  token: string,
): Mail {
  const link = linkTo('/activeren', token);
  return {
    to: [to.email],
    subject: 'Je account voor Stagematching gezinszorg',
    text:
      `Dag ${to.name},\n\n` +
      `Je kreeg een account voor ${organisationName} in Stagematching gezinszorg, het centrale aanmeldsysteem voor stages en werkplekken in de gezinszorg.\n\n` +
      `Kies je wachtwoord via deze link:\n${link}\n\n` +
      'De link werkt één keer en blijft 7 dagen geldig. Is hij verlopen? Vraag dan op de aanmeldpagina een nieuwe activatiemail aan.' +
      signature,
  };
}

export function newActivationMail(to: { email: string; name: string }, token: string): Mail {
  const link = linkTo('/activeren', token);
  return {
    to: [to.email],
    subject: 'Nieuwe activatielink voor Stagematching gezinszorg',
    text:
      `Dag ${to.name},\n\nJe vroeg een nieuwe link om je account te activeren. Kies je wachtwoord via:\n${link}\n\n` +
      'De link werkt één keer en blijft 7 dagen geldig. Eerdere activatielinks werken niet meer.' +
      signature,
  };
}

export function resetMail(to: { email: string; name: string }, token: string): Mail {
  const link = linkTo('/wachtwoord-herstellen', token);
  return {
    to: [to.email],
    subject: 'Nieuw wachtwoord voor Stagematching gezinszorg',
    text:
      `Dag ${to.name},\n\nJe vroeg een nieuw wachtwoord aan. Kies het via deze link:\n${link}\n\n` +
      'De link werkt één keer en blijft 1 uur geldig. Vroeg je niets aan? Dan mag je deze mail negeren: je wachtwoord blijft hetzelfde.' +
      signature,
  };
}
