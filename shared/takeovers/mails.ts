import { appUrl, signature } from '#accounts/mails';
import type { Takeover } from '#contract/takeovers';
import type { Mail } from '#platform/mailer';
import { dutchDate } from '#trajectory/rules';

const day = (iso: string) => dutchDate(iso.slice(0, 10));

export function requestedMail(to: string[], t: Takeover): Mail {
  return {
    to,
    subject: `${t.requesterName} vraagt het beheer van ${t.serviceName} over te nemen`,
    text:
      'Dag,\n\n' +
      `${t.requesterName} vraagt om het beheer van ${t.serviceName} in Stagematching gezinszorg over te nemen. ` +
      `Keur de vraag goed of af vóór ${day(t.deadline)} onder Overnames: ${appUrl()}/overnames\n\n` +
      'Antwoord je niet binnen de twee weken, dan beslist het team van de sector.' +
      signature,
  };
}

export function escalatedMail(to: string[], t: Takeover): Mail {
  return {
    to,
    subject: `Overname van ${t.serviceName} wacht op jouw beslissing`,
    text:
      'Dag,\n\n' +
      `${t.requesterName} vroeg op ${day(t.requestedAt)} het beheer van ${t.serviceName} over te nemen. ` +
      'De beheerders van de dienst antwoordden niet binnen de twee weken; nu beslis jij.\n\n' +
      `Je vindt de vraag onder Overnames: ${appUrl()}/overnames` +
      signature,
  };
}

export function answeredMail(to: string, t: Takeover, approved: boolean): Mail {
  return {
    to: [to],
    subject: approved
      ? `Je beheert nu ook ${t.serviceName}`
      : `Je vraag om ${t.serviceName} over te nemen werd afgewezen`,
    text: approved
      ? `Dag ${t.requesterName},\n\nJe vraag werd goedgekeurd: je beheert nu ook ${t.serviceName}. Kies de dienst bovenaan in de kop van ${appUrl()}/.` +
        signature
      : `Dag ${t.requesterName},\n\nJe vraag om het beheer van ${t.serviceName} over te nemen werd afgewezen. Neem bij vragen contact op met de dienst of met het team van de sector.` +
        signature,
  };
}
