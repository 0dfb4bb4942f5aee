import { appUrl } from '#platform/config';
import { renderMail } from '#platform/mail-layout';
import type { Mail } from '#platform/mailer';

export function dualReportReminderMail(
  to: string[],
  serviceName: string,
  learners: number,
  year: string,
): Mail {
  return {
    to,
    ...renderMail({
      subject: `Jaarlijkse rapportering duaal leren: vóór 1 mei ${year}`,
      title: 'Jaarlijkse rapportering duaal leren',
      paragraphs: [
        'Dag,',
        `${serviceName} begeleidt ${learners} leerling(en) duaal leren. Bezorg vóór 1 mei ${year} aan de administratie per leerling het aantal gepresteerde uren van het voorbije schooljaar en de begin- en einddatum van de overeenkomst alternerende opleiding.`,
      ],
      button: { label: 'Naar Duaal rapport', url: `${appUrl()}/duaal-rapport` },
    }),
  };
}
