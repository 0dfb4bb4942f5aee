import type { Round } from '#contract/school-year';
import { appUrl } from '#platform/config';
import { renderMail } from '#platform/mail-layout';
import type { Mail } from '#platform/mailer';
import { at } from './rules';

/** The round mailings, in Dutch, in the product's one mail layout (`renderMail`). */

const TRACK_NAMES = {
  secondary: 'secundair onderwijs',
  adult: 'volwassenenonderwijs',
  dual: 'duaal leren',
} as const;

const dateTime = new Intl.DateTimeFormat('nl-BE', {
  timeZone: 'Europe/Brussels',
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});
export const formatWall = (wall: string) => dateTime.format(at(wall));

/** A mail of the product: greeting, paragraphs, a link to the app, the team's signature. */
export function layout(
  to: { email: string; name: string },
  subject: string,
  paragraphs: string[],
  button: { label: string; url: string },
  after: string[] = [],
): Mail {
  return {
    to: [to.email],
    ...renderMail({ subject, title: subject, paragraphs: [`Dag ${to.name},`, ...paragraphs], button, after }),
  };
}

const period = (round: Round) =>
  `De ronde loopt van ${formatWall(round.opensAt)} tot ${formatWall(round.closesAt)}` +
  (round.staysOpen ? '; daarna blijft de lijst open zodat wijzigingen kunnen binnenkomen.' : '.');

export function roundOpenMail(
  to: { email: string; name: string },
  round: Round,
  role: 'school' | 'service',
): Mail {
  const what =
    role === 'service'
      ? round.kind === 'preferred'
        ? 'Je ziet nu de leerlingen van je provincie die jullie dienst als voorkeur kozen.'
        : 'Je ziet nu alle leerlingen die nog geen stageplaats hebben.'
      : 'De diensten kunnen nu je leerlingen bekijken en aanvaarden.';
  return layout(
    to,
    `Ronde geopend: ${round.name}`,
    [`De ronde "${round.name}" (${TRACK_NAMES[round.track]}) is geopend.`, period(round), what],
    role === 'service'
      ? { label: 'Naar Stagevragen', url: `${appUrl()}/stagevragen?track=${round.track}` }
      : { label: 'Naar Stagematching gezinszorg', url: `${appUrl()}/` },
  );
}

export function roundCloseMail(to: { email: string; name: string }, round: Round): Mail {
  return layout(
    to,
    `Ronde afgesloten: ${round.name}`,
    [
      `De ronde "${round.name}" (${TRACK_NAMES[round.track]}) is afgesloten op ${formatWall(round.closesAt)}.`,
      round.staysOpen
        ? 'De lijst blijft open: wie nog geen plaats heeft, blijft zichtbaar tot de volgende ronde.'
        : 'Bekijk de kalender in Stagematching gezinszorg voor de volgende ronde.',
    ],
    { label: 'Naar Stagematching gezinszorg', url: `${appUrl()}/` },
  );
}

export function reminderMail(
  to: { email: string; name: string },
  round: Round,
  open: number,
  serviceName: string,
): Mail {
  const requests = open === 1 ? '1 stagevraag' : `${open} stagevragen`;
  return layout(
    to,
    `Herinnering: nog ${requests} in ${round.name}`,
    [
      `In de ronde "${round.name}" (${TRACK_NAMES[round.track]}) kan jullie dienst ${serviceName} nog over ${requests} beslissen.`,
      `De ronde sluit op ${formatWall(round.closesAt)}.`,
    ],
    { label: 'Naar Stagevragen', url: `${appUrl()}/stagevragen?track=${round.track}` },
    ['Wil je deze herinneringen niet meer ontvangen? Zet ze uit onder "Mijn account".'],
  );
}
