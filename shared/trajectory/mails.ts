import { appUrl, signature } from '#accounts/mails';
import type { Mail } from '#platform/mailer';

export function dualReportReminderMail(
  to: string[],
  serviceName: string,
  learners: number,
  year: string,
): Mail {
  return {
    to,
    subject: `Jaarlijkse rapportering duaal leren: vóór 1 mei ${year}`,
    text:
      'Dag,\n\n' +
      `${serviceName} begeleidt ${learners} leerling(en) duaal leren. Bezorg vóór 1 mei ${year} aan de administratie ` +
      'per leerling het aantal gepresteerde uren van het voorbije schooljaar en de begin- en einddatum van de ' +
      'overeenkomst alternerende opleiding.\n\n' +
      `Je downloadt het overzicht onder Duaal rapport: ${appUrl()}/duaal-rapport` +
      signature,
  };
}
