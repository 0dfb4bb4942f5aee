import { appUrl } from '#platform/config';
import { renderMail } from '#platform/mail-layout';
import type { Mail } from '#platform/mailer';

/**
 * A one-time link. The token sits in the fragment (`#token=`), which browsers never send to a
 * server: it stays out of CloudFront's and API Gateway's access logs and out of Referer headers.
 */
export const linkTo = (path: string, token: string) =>
  `${appUrl()}${path}#token=${encodeURIComponent(token)}`;

const mail = (to: string, content: Parameters<typeof renderMail>[0]): Mail => ({
  to: [to],
  ...renderMail(content),
});

export function invitationMail(
  to: { email: string; name: string },
  organisationName: string,
  token: string,
): Mail {
  return mail(to.email, {
    subject: 'Je account voor Stagematching gezinszorg',
    title: 'Welkom bij Stagematching gezinszorg',
    paragraphs: [
      `Dag ${to.name},`,
      `Je kreeg een account voor ${organisationName} in Stagematching gezinszorg, het centrale aanmeldsysteem voor stages en werkplekken in de gezinszorg.`,
      'Kies je wachtwoord met de knop hieronder.',
    ],
    button: { label: 'Wachtwoord kiezen', url: linkTo('/activeren', token) },
    after: [
      'De link werkt één keer en blijft 7 dagen geldig. Is hij verlopen? Vraag dan op de aanmeldpagina een nieuwe activatiemail aan.',
    ],
  });
}

export function newActivationMail(to: { email: string; name: string }, token: string): Mail {
  return mail(to.email, {
    subject: 'Nieuwe activatielink voor Stagematching gezinszorg',
    title: 'Je nieuwe activatielink',
    paragraphs: [
      `Dag ${to.name},`,
      'Je vroeg een nieuwe link om je account te activeren. Kies je wachtwoord met de knop hieronder.',
    ],
    button: { label: 'Wachtwoord kiezen', url: linkTo('/activeren', token) },
    after: ['De link werkt één keer en blijft 7 dagen geldig. Eerdere activatielinks werken niet meer.'],
  });
}

export function resetMail(to: { email: string; name: string }, token: string): Mail {
  return mail(to.email, {
    subject: 'Nieuw wachtwoord voor Stagematching gezinszorg',
    title: 'Een nieuw wachtwoord kiezen',
    paragraphs: [`Dag ${to.name},`, 'Je vroeg een nieuw wachtwoord aan. Kies het met de knop hieronder.'],
    button: { label: 'Nieuw wachtwoord kiezen', url: linkTo('/wachtwoord-herstellen', token) },
    after: [
      'De link werkt één keer en blijft 1 uur geldig. Vroeg je niets aan? Dan mag je deze mail negeren: je wachtwoord blijft hetzelfde.',
    ],
  });
}
