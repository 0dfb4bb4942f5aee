import { describe, expect, it } from 'vitest';
import { blackoutOf, shippedCalendarFor, visibleFrom } from '#school-year/calendar';
import { adultWindowOf, shownAt, windowDateOf } from '#school-year/rules';

const year = shippedCalendarFor('2026-2027');
const rounds = year.rounds;
const utc = (iso: string) => new Date(iso);
/** Entered on 1 August 2026, before any adult window opened. */
const august = utc('2026-08-01T08:00:00Z');
const windowOf = (start: string | undefined, now = august) => {
  const found = adultWindowOf(rounds, start, now);
  return found ? [found.window.rounds[0]?.id, found.inRange] : null;
};
const shown = (start: string, now = august) => {
  const at = shownAt(rounds, {
    track: 'adult',
    windowDate: windowDateOf(rounds, start, now),
    visibleFrom: now,
  });
  return [at.round?.id ?? null, at.from?.toISOString() ?? null];
};

describe('every adult student belongs to exactly one window', () => {
  it('a first period on the first day of a window range belongs to it', () => {
    expect(windowOf('2026-10-01')).toEqual(['adult-oct-dec', true]);
    expect(windowOf('2027-01-01')).toEqual(['adult-jan-mar', true]);
  });

  it('a first period on the last day of a window range belongs to it, the day after to the next', () => {
    expect(windowOf('2026-12-31')).toEqual(['adult-oct-dec', true]);
    expect(windowOf('2027-03-31')).toEqual(['adult-jan-mar', true]);
    expect(windowOf('2027-04-01')).toEqual(['adult-apr-jun', true]);
  });

  it('a first period in no range goes to the next window to open when the school enters it', () => {
    // September and the summer lie in no window's range (the manuals disagree on "sept – dec").
    expect(windowOf('2026-09-15')).toEqual(['adult-oct-dec', false]);
    expect(windowOf('2027-07-20')).toEqual(['adult-oct-dec', false]);
    // Entered on 3 December 2026, when the first two windows are over: the April–June window.
    expect(windowOf('2027-07-20', utc('2026-12-03T10:00:00Z'))).toEqual(['adult-apr-jun', false]);
    // A typo: a date years away, entered in the spring: the window that is still to come.
    expect(windowOf('2029-01-10', utc('2027-03-01T10:00:00Z'))).toEqual(['adult-sep-dec', false]);
    expect(windowOf(undefined)).toEqual(['adult-oct-dec', false]);
  });

  it('a window still open when the school enters the student counts as the next, until its last second', () => {
    // adult-oct-dec closes 30 September 2026 12:00 Brussels (10:00 UTC).
    expect(windowOf('2026-09-20', utc('2026-09-30T09:59:59Z'))).toEqual(['adult-oct-dec', false]);
    expect(windowOf('2026-09-20', utc('2026-09-30T10:00:00Z'))).toEqual(['adult-jan-mar', false]);
  });

  it('no window is left after the last one closed: the student is in none, and the school is told', () => {
    expect(windowOf('2027-07-20', utc('2027-06-01T10:00:00Z'))).toBeNull();
    expect(shown('2027-07-20', utc('2027-06-01T10:00:00Z'))).toEqual([null, null]);
  });

  it('is shown in its window from the window opening, or from entry when the window is already open', () => {
    // 5 September 2026 12:00 Brussels.
    expect(shown('2026-10-01')).toEqual(['adult-oct-dec', '2026-09-05T10:00:00.000Z']);
    expect(shown('2026-09-15')).toEqual(['adult-oct-dec', '2026-09-05T10:00:00.000Z']);
    // A period that starts before its window closes: entered on 10 September, shown at once.
    expect(shown('2026-09-20', utc('2026-09-10T08:00:00Z'))).toEqual([
      'adult-oct-dec',
      '2026-09-10T08:00:00.000Z',
    ]);
  });

  it('a student whose range window closed is in it, and no round will show them', () => {
    expect(shown('2026-11-02', utc('2026-12-03T10:00:00Z'))).toEqual(['adult-oct-dec', null]);
  });
});

describe('the summer blackout holds the programmes it names', () => {
  const blackout = blackoutOf(year);
  const july20 = utc('2026-07-20T08:00:00Z');

  it('names the 7th year only, as the 2026-2027 manual does', () => {
    expect(blackout.programmes).toEqual(['seventh_year']);
    expect(visibleFrom(july20, blackout, 'seventh_year').toISOString()).toBe('2026-09-18T22:00:00.000Z');
    for (const other of ['third_grade', 'dual', 'adult'] as const) {
      expect(visibleFrom(july20, blackout, other)).toEqual(july20);
    }
  });

  it('a dual student entered on 20 July is shown by the dual round at once, a 7th-year student from 19 September', () => {
    const dual = shownAt(rounds, { track: 'dual', visibleFrom: visibleFrom(july20, blackout, 'dual') });
    expect([dual.round?.id, dual.from]).toEqual(['dual-all', july20]);
    const seventh = shownAt(rounds, {
      track: 'secondary',
      programme: 'seventh_year',
      preferredServiceId: 'svc',
      visibleFrom: visibleFrom(july20, blackout, 'seventh_year'),
    });
    // The preferred-service round closed on 18 September: the student waits for the round for all.
    expect([seventh.round?.id, seventh.from?.toISOString()]).toEqual([
      'secondary-7-all',
      '2026-09-18T22:00:00.000Z',
    ]);
  });

  it('a 7th-year student with a preferred service entered in June is shown in the preferred round', () => {
    const june = utc('2026-06-20T08:00:00Z');
    const at = shownAt(rounds, {
      track: 'secondary',
      programme: 'seventh_year',
      preferredServiceId: 'svc',
      visibleFrom: visibleFrom(june, blackout, 'seventh_year'),
    });
    expect([at.round?.id, at.from?.toISOString()]).toEqual([
      'secondary-7-preferred',
      '2026-09-04T10:00:00.000Z',
    ]);
  });

  it('a calendar stored before the blackout named programmes holds the shipped year programmes', () => {
    const { programmes: _p, ...old } = year.blackout;
    expect(blackoutOf({ blackout: old }).programmes).toEqual(['seventh_year']);
  });
});
