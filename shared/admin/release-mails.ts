import { appUrl } from '#platform/config';
import type { Mail } from '#platform/mailer';
import { layout } from '#school-year/mails';

type To = { email: string; name: string };

/** The school hears that its student is back without a place, and why. */
export const releasedToSchool = (to: To, student: string, service: string, reason: string): Mail =>
  layout(
    to,
    `Plaatsing vrijgegeven: ${student}`,
    [
      `De sector gaf de plaatsing van ${student} bij ${service} vrij.`,
      `Reden: ${reason}`,
      'De leerling staat opnieuw zonder plaats en is weer zichtbaar voor de diensten, volgens de ronde die nu loopt.',
    ],
    { label: 'Naar je leerlingen', url: `${appUrl()}/leerlingen` },
  );

/** The service hears the placement is gone, and that the student's personal data went with it. */
export const releasedToService = (to: To, student: string, reason: string): Mail =>
  layout(
    to,
    `Plaatsing vrijgegeven: ${student}`,
    [
      `De sector gaf de plaatsing van ${student} bij jullie dienst vrij.`,
      `Reden: ${reason}`,
      'De leerling staat niet meer bij jullie aanvaarde leerlingen, en jullie zien de persoonsgegevens niet meer.',
    ],
    { label: 'Naar Stagevragen', url: `${appUrl()}/stagevragen` },
  );

/** The service asked for a release and the sector said no. */
export const declinedToService = (to: To, student: string, reason: string): Mail =>
  layout(
    to,
    `Plaatsing blijft: ${student}`,
    [
      `De sector gaf de plaatsing van ${student} niet vrij: de leerling blijft bij jullie dienst.`,
      `Reden: ${reason}`,
    ],
    { label: 'Naar Stagevragen', url: `${appUrl()}/stagevragen` },
  );
