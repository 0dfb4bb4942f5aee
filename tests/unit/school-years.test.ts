import { describe, expect, it } from 'vitest';
import { ALLOWED_WHEN_ARCHIVED, CHECKED_BY_THE_ROUTE, isWrite } from '#http/archived-year';
import { routes } from '#http/routes';
import { shippedCalendarFor, shippedSchoolYear } from '#school-year/calendar';
import {
  belgianHolidays,
  dayProblem,
  defaultRetentionUntil,
  easterSunday,
  followingYear,
  roundWarnings,
  shiftCalendar,
  shiftYears,
} from '#school-year/next-year';

describe('next year from this year: every date one year later', () => {
  it('moves wall-clock times and dates by a year; 29 February becomes 28 February', () => {
    expect(shiftYears('2026-09-04T12:00', 1)).toBe('2027-09-04T12:00');
    expect(shiftYears('2027-05-30', 1)).toBe('2028-05-30');
    expect(shiftYears('2028-02-29T09:00', 1)).toBe('2029-02-28T09:00');
    expect(shiftYears('2027-02-28', 1)).toBe('2028-02-28');
  });

  it('names the next school year', () => {
    expect(followingYear('2026-2027')).toBe('2027-2028');
    expect(followingYear('2027-2028', -1)).toBe('2026-2027');
  });

  it('moves a whole calendar: rounds, adult windows and the blackout', () => {
    const next = shiftCalendar(shippedCalendarFor(shippedSchoolYear), '2027-2028');
    const preferred = next.rounds.find((r) => r.id === 'secondary-7-preferred');
    expect(preferred).toMatchObject({ opensAt: '2027-09-04T12:00', closesAt: '2027-09-18T12:00' });
    const adult = next.rounds.find((r) => r.id === 'adult-jan-mar');
    expect(adult?.internship).toEqual({ from: '2028-01-01', to: '2028-03-31' });
    expect(next.blackout).toEqual({
      from: '2027-06-30T12:00',
      to: '2027-08-15T12:00',
      visibleFrom: '2027-09-19T00:00',
      // The programmes it holds back go with it.
      programmes: ['seventh_year'],
    });
    expect(next.schoolYear).toBe('2027-2028');
  });

  it('gives a year that was never prepared the shipped dates moved by whole years', () => {
    expect(shippedCalendarFor('2029-2030').rounds.find((r) => r.id === 'dual-all')?.opensAt).toBe(
      '2029-06-15T12:00',
    );
  });

  it('keeps personal data one year after the year ends: 31 August of the calendar year after', () => {
    expect(defaultRetentionUntil('2026-2027')).toBe('2028-08-31');
    expect(defaultRetentionUntil('2027-2028')).toBe('2029-08-31');
  });
});

describe('Belgian public holidays', () => {
  it('finds Easter Sunday', () => {
    expect(easterSunday(2024)).toBe('2024-03-31');
    expect(easterSunday(2025)).toBe('2025-04-20');
    expect(easterSunday(2026)).toBe('2026-04-05');
    expect(easterSunday(2027)).toBe('2027-03-28');
    expect(easterSunday(2028)).toBe('2028-04-16');
    expect(easterSunday(2038)).toBe('2038-04-25');
  });

  it('lists the ten legal holidays, the movable ones from Easter', () => {
    const h = belgianHolidays(2028);
    expect(h.size).toBe(10);
    expect(h.get('2028-04-17')).toBe('Paasmaandag');
    expect(h.get('2028-05-25')).toBe('Onze-Lieve-Heer-Hemelvaart');
    expect(h.get('2028-06-05')).toBe('Pinkstermaandag');
    expect(h.get('2028-07-21')).toBe('Nationale feestdag');
    expect(h.get('2028-11-11')).toBe('Wapenstilstand');
  });

  it('flags a weekend day and a holiday, and nothing on a working day', () => {
    expect(dayProblem('2027-09-04T12:00')).toBe('04/09/2027 valt op een zaterdag');
    expect(dayProblem('2027-11-01T12:00')).toBe('01/11/2027 is een feestdag (Allerheiligen)');
    expect(dayProblem('2028-04-17')).toBe('17/04/2028 is een feestdag (Paasmaandag)');
    expect(dayProblem('2027-09-06T12:00')).toBeNull();
  });

  it("checks a round's opening and close each", () => {
    expect(roundWarnings({ opensAt: '2027-09-04T12:00', closesAt: '2027-09-19T12:00' })).toEqual([
      'Begin: 04/09/2027 valt op een zaterdag.',
      'Einde: 19/09/2027 valt op een zondag.',
    ]);
    expect(roundWarnings({ opensAt: '2027-09-06T12:00', closesAt: '2027-09-17T12:00' })).toEqual([]);
  });
});

describe('an archived year is read-only, decided once for every route', () => {
  it('lets through only writes that serve reading, each a real route', () => {
    const ids = new Set(routes.map((r) => r.id));
    for (const id of ALLOWED_WHEN_ARCHIVED) expect(ids.has(id as never), id).toBe(true);
    const refused = routes.filter((r) => isWrite(r) && !ALLOWED_WHEN_ARCHIVED.has(r.id)).map((r) => r.id);
    expect(refused).toEqual(
      expect.arrayContaining([
        'students-create',
        'requests-decide',
        'rounds-update',
        'contacts-create',
        'activate',
      ]),
    );
    expect(refused).not.toContain('login');
    expect(refused).not.toContain('exports-start');
    // Routes that check the registry themselves are writes refused like the others, not exceptions.
    for (const id of CHECKED_BY_THE_ROUTE) expect(refused, id).toContain(id);
  });
});
