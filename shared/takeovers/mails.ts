import type { Takeover } from '#contract/takeovers';
import { dutchDate } from '#kernel/time';
import { appUrl } from '#platform/config';
import { renderMail } from '#platform/mail-layout';
import type { Mail } from '#platform/mailer';

const day = (iso: string) => dutchDate(iso.slice(0, 10));

export function requestedMail(to: string[], t: Takeover): Mail {
  return {
    to,
    ...renderMail({
      subject: `${t.requesterName} vraagt het beheer van ${t.serviceName} over te nemen`,
      title: 'Vraag om over te nemen',
      paragraphs: [
        'Dag,',
        `${t.requesterName} vraagt om het beheer van ${t.serviceName} in Stagematching gezinszorg over te nemen. Keur de vraag goed of af vóór ${day(t.deadline)} onder Overnames.`,
      ],
      button: { label: 'Naar Overnames', url: `${appUrl()}/overnames` },
      after: ['Antwoord je niet binnen de twee weken, dan beslist het team van de sector.'],
    }),
  };
}

export function escalatedMail(to: string[], t: Takeover): Mail {
  return {
    to,
    ...renderMail({
      subject: `Overname van ${t.serviceName} wacht op jouw beslissing`,
      title: 'Overname wacht op jouw beslissing',
      paragraphs: [
        'Dag,',
        `${t.requesterName} vroeg op ${day(t.requestedAt)} het beheer van ${t.serviceName} over te nemen. De beheerders van de dienst antwoordden niet binnen de twee weken; nu beslis jij.`,
      ],
      button: { label: 'Naar Overnames', url: `${appUrl()}/overnames` },
    }),
  };
}

export function answeredMail(to: string, t: Takeover, approved: boolean): Mail {
  return {
    to: [to],
    ...(approved
      ? renderMail({
          subject: `Je beheert nu ook ${t.serviceName}`,
          title: 'Overname goedgekeurd',
          paragraphs: [
            `Dag ${t.requesterName},`,
            `Je vraag werd goedgekeurd: je beheert nu ook ${t.serviceName}. Kies de dienst bovenaan in de kop.`,
          ],
          button: { label: 'Aanmelden', url: `${appUrl()}/` },
        })
      : renderMail({
          subject: `Je vraag om ${t.serviceName} over te nemen werd afgewezen`,
          title: 'Overname afgewezen',
          paragraphs: [
            `Dag ${t.requesterName},`,
            `Je vraag om het beheer van ${t.serviceName} over te nemen werd afgewezen. Neem bij vragen contact op met de dienst of met het team van de sector.`,
          ],
        })),
  };
}
