import { appUrl, linkTo, signature } from '#accounts/mails';
import type { Registration } from '#contract/registrations';
import type { Mail } from '#platform/mailer';

export function receivedMail(r: Registration): Mail {
  return {
    to: [r.manager.email],
    subject: `We ontvingen de registratie van ${r.name}`,
    text:
      `Dag ${r.manager.name},\n\n` +
      `Bedankt om ${r.name} te registreren als stageplaats in Stagematching gezinszorg. ` +
      'Het team van de sector bekijkt je registratie en antwoordt binnen de twee weken.' +
      signature,
  };
}

export function approvedMail(r: Registration, token: string): Mail {
  return {
    to: [r.manager.email],
    subject: `${r.name} is goedgekeurd als stageplaats`,
    text:
      `Dag ${r.manager.name},\n\n` +
      `Goed nieuws: ${r.name} is goedgekeurd als stageplaats in Stagematching gezinszorg.\n\n` +
      `Activeer je account en kies je wachtwoord via deze link:\n${linkTo('/activeren', token)}\n\n` +
      'De link werkt één keer en blijft 7 dagen geldig. Is hij verlopen? Vraag dan op de aanmeldpagina een nieuwe activatiemail aan.' +
      signature,
  };
}

/** The manager already has an account: the new service appears in their organisation switch. */
export function approvedForMemberMail(r: Registration): Mail {
  return {
    to: [r.manager.email],
    subject: `${r.name} is goedgekeurd als stageplaats`,
    text:
      `Dag ${r.manager.name},\n\n` +
      `${r.name} is goedgekeurd als stageplaats. Je beheert de dienst met je bestaande account: ` +
      `meld je aan op ${appUrl()}/ en kies de dienst bovenaan in de kop.` +
      signature,
  };
}

export function rejectedMail(r: Registration, reason: string): Mail {
  return {
    to: [r.manager.email],
    subject: `Je registratie van ${r.name} werd niet goedgekeurd`,
    text:
      `Dag ${r.manager.name},\n\n` +
      `Het team van de sector keurde de registratie van ${r.name} als stageplaats niet goed. De reden:\n\n${reason}\n\n` +
      'Je kunt opnieuw registreren zodra dit in orde is.' +
      signature,
  };
}

export function reminderMail(to: string[], pending: Registration[]): Mail {
  const lines = pending.map((r) => `- ${r.name} (${r.province}), ingediend op ${r.submittedAt.slice(0, 10)}`);
  return {
    to,
    subject: `${pending.length} registratie(s) wachten al 10 dagen op een antwoord`,
    text:
      'Dag,\n\nDeze diensten registreerden zich meer dan 10 dagen geleden en wachten nog op een antwoord ' +
      '(de handleiding belooft er een binnen de twee weken):\n\n' +
      `${lines.join('\n')}\n\nJe vindt ze onder Registraties: ${appUrl()}/registraties` +
      signature,
  };
}
