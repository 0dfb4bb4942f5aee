import ical, { ICalAlarmType } from 'ical-generator';
import type { Round } from '#contract/school-year';

const TRACK_NAMES = { secondary: 'Secundair onderwijs', adult: 'Volwassenenonderwijs', dual: 'Duaal leren' };

/**
 * Europe/Brussels as iCalendar describes it (EU rule since 1996: summer time from the last Sunday
 * of March 02:00 to the last Sunday of October 03:00), so that clients without a time-zone
 * database place `TZID=Europe/Brussels` times right.
 */
const BRUSSELS_VTIMEZONE = [
  'BEGIN:VTIMEZONE',
  'TZID:Europe/Brussels',
  'X-LIC-LOCATION:Europe/Brussels',
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0200',
  'TZNAME:CEST',
  'DTSTART:19700329T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0200',
  'TZOFFSETTO:+0100',
  'TZNAME:CET',
  'DTSTART:19701025T030000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
].join('\r\n');

/**
 * The school year's rounds as an iCalendar feed: one event per round in Brussels time, a stable
 * UID per round (an edit updates the event in a subscribed calendar instead of adding one), and a
 * reminder the day before each opening.
 */
export function calendarFeed(
  schoolYear: string,
  rounds: readonly Round[],
  appUrl: string,
  now: Date,
): string {
  const calendar = ical({
    name: `Stagematching gezinszorg ${schoolYear}`,
    prodId: { company: 'Stagematching gezinszorg', product: 'Rondes', language: 'NL' },
    timezone: { name: 'Europe/Brussels', generator: () => BRUSSELS_VTIMEZONE },
    url: `${appUrl}/api/school-year/calendar.ics`,
    ttl: 3600,
  });
  for (const round of rounds) {
    // Wall-clock strings without offset: ical-generator writes them unchanged under the TZID.
    const event = calendar.createEvent({
      id: `round-${round.id}@stagematching-${schoolYear}`,
      start: `${round.opensAt}:00`,
      end: `${round.closesAt}:00`,
      timezone: 'Europe/Brussels',
      stamp: now,
      summary: round.name,
      description:
        `${TRACK_NAMES[round.track]}: ${round.kind === 'preferred' ? 'ronde voorkeursdienst' : 'alle leerlingen'}.` +
        (round.staysOpen ? ' Na het einde blijft de lijst open.' : ''),
      url: appUrl,
    });
    event.createAlarm({
      type: ICalAlarmType.display,
      trigger: 24 * 3600,
      description: `Morgen opent: ${round.name}`,
    });
  }
  return calendar.toString();
}
