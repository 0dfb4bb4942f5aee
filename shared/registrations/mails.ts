import { linkTo } from '#accounts/mails';
import type { Registration } from '#contract/registrations';
import { appUrl } from '#platform/config';
import { renderMail } from '#platform/mail-layout';
import type { Mail } from '#platform/mailer';

export function receivedMail(r: Registration): Mail {
  return {
    to: [r.manager.email],
    ...renderMail({
      subject: `We ontvingen de registratie van ${r.name}`,
      title: 'Registratie ontvangen',
      paragraphs: [
        `Dag ${r.manager.name},`,
        `Bedankt om ${r.name} te registreren als stageplaats in Stagematching gezinszorg. Het team van de sector bekijkt je registratie en antwoordt binnen de twee weken.`,
      ],
    }),
  };
}

export function approvedMail(r: Registration, token: string): Mail {
  return {
    to: [r.manager.email],
    ...renderMail({
      subject: `${r.name} is goedgekeurd als stageplaats`,
      title: 'Registratie goedgekeurd',
      paragraphs: [
        `Dag ${r.manager.name},`,
        `Goed nieuws: ${r.name} is goedgekeurd als stageplaats in Stagematching gezinszorg.`,
        'Activeer je account en kies je wachtwoord met de knop hieronder.',
      ],
      button: { label: 'Account activeren', url: linkTo('/activeren', token) },
      after: [
        'De link werkt één keer en blijft 7 dagen geldig. Is hij verlopen? Vraag dan op de aanmeldpagina een nieuwe activatiemail aan.',
      ],
    }),
  };
}

/** The manager already has an account: the new service appears in their organisation switch. */
export function approvedForMemberMail(r: Registration): Mail {
  return {
    to: [r.manager.email],
    ...renderMail({
      subject: `${r.name} is goedgekeurd als stageplaats`,
      title: 'Registratie goedgekeurd',
      paragraphs: [
        `Dag ${r.manager.name},`,
        `${r.name} is goedgekeurd als stageplaats. Je beheert de dienst met je bestaande account: meld je aan en kies de dienst bovenaan in de kop.`,
      ],
      button: { label: 'Aanmelden', url: `${appUrl()}/` },
    }),
  };
}

export function rejectedMail(r: Registration, reason: string): Mail {
  return {
    to: [r.manager.email],
    ...renderMail({
      subject: `Je registratie van ${r.name} werd niet goedgekeurd`,
      title: 'Registratie niet goedgekeurd',
      paragraphs: [
        `Dag ${r.manager.name},`,
        `Het team van de sector keurde de registratie van ${r.name} als stageplaats niet goed. De reden:`,
        reason,
        'Je kunt opnieuw registreren zodra dit in orde is.',
      ],
    }),
  };
}

export function reminderMail(to: string[], pending: Registration[]): Mail {
  const lines = pending.map((r) => `- ${r.name} (${r.province}), ingediend op ${r.submittedAt.slice(0, 10)}`);
  return {
    to,
    ...renderMail({
      subject: `${pending.length} registratie(s) wachten al 10 dagen op een antwoord`,
      title: 'Registraties wachten op een antwoord',
      paragraphs: [
        'Dag,',
        'Deze diensten registreerden zich meer dan 10 dagen geleden en wachten nog op een antwoord (de handleiding belooft er een binnen de twee weken):',
        lines.join('\n'),
      ],
      button: { label: 'Naar Registraties', url: `${appUrl()}/registraties` },
    }),
  };
}
