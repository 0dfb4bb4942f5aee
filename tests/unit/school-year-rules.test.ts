import { describe, expect, it } from 'vitest';
import type { Round } from '#contract/school-year';
import { serviceMaySee } from '#requests/visibility';
import { shippedCalendarFor } from '#school-year/calendar';
import {
  dueMoments,
  momentsOf,
  nextChange,
  roundProblems,
  roundStatesAt,
  scopePhaseAt,
  trackStateAt,
} from '#school-year/rules';

const year = shippedCalendarFor('2026-2027');
const rounds = year.rounds;
const utc = (iso: string) => new Date(iso);
const phaseOf = (track: Round['track'], key: string, now: Date, override: 'closed' | 'all' | null = null) =>
  trackStateAt(rounds, track, override, now).scopes.find((s) => s.key === key)?.phase;

describe('the 2026-2027 calendar as shipped', () => {
  it('holds the manuals dates: 7th year, 3rd grade, dual and four adult windows', () => {
    expect(rounds.map((r) => [r.id, r.opensAt, r.closesAt, r.staysOpen])).toEqual([
      ['secondary-7-preferred', '2026-09-04T12:00', '2026-09-18T12:00', false],
      ['secondary-7-all', '2026-09-18T12:00', '2026-09-30T12:00', true],
      ['secondary-3-all', '2026-09-18T12:00', '2026-10-07T12:00', true],
      ['dual-all', '2026-06-15T12:00', '2026-11-27T12:00', true],
      ['adult-oct-dec', '2026-09-05T12:00', '2026-09-30T12:00', false],
      ['adult-jan-mar', '2026-11-15T12:00', '2026-11-30T12:00', false],
      ['adult-apr-jun', '2027-02-01T12:00', '2027-02-15T12:00', false],
      ['adult-sep-dec', '2027-05-15T12:00', '2027-05-30T12:00', false],
    ]);
    for (const r of rounds) expect(roundProblems(r, rounds)).toEqual({ invalid: [], clash: null });
  });
});

describe('visibility follows the calendar to the second', () => {
  it('the preferred round is open at 12:00:00 and not at 11:59:59 (summer time: 10:00 UTC)', () => {
    expect(phaseOf('secondary', 'secondary:seventh_year', utc('2026-09-04T09:59:59Z'))).toBe('closed');
    expect(phaseOf('secondary', 'secondary:seventh_year', utc('2026-09-04T10:00:00Z'))).toBe('preferred');
    expect(phaseOf('secondary', 'secondary:seventh_year', utc('2026-09-18T09:59:59Z'))).toBe('preferred');
    expect(phaseOf('secondary', 'secondary:seventh_year', utc('2026-09-18T10:00:00Z'))).toBe('all');
    // The 3rd grade has no preferred round: closed until 18 Sep 12:00, then all.
    expect(phaseOf('secondary', 'secondary:third_grade', utc('2026-09-10T10:00:00Z'))).toBe('closed');
    expect(phaseOf('secondary', 'secondary:third_grade', utc('2026-09-18T10:00:00Z'))).toBe('all');
  });

  it('a round that stays open keeps its visibility after its close; one that does not, closes', () => {
    expect(phaseOf('secondary', 'secondary:seventh_year', utc('2026-12-01T10:00:00Z'))).toBe('all');
    expect(phaseOf('dual', 'dual', utc('2027-01-10T10:00:00Z'))).toBe('all');
    expect(phaseOf('adult', 'adult:2026-10-01..2026-12-31', utc('2026-09-30T09:59:59Z'))).toBe('all');
    expect(phaseOf('adult', 'adult:2026-10-01..2026-12-31', utc('2026-09-30T10:00:00Z'))).toBe('closed');
  });

  it('holds across the change to winter time on 25 Oct 2026 (12:00 is 11:00 UTC that day)', () => {
    const dst: Round = {
      id: 'dst',
      track: 'dual',
      kind: 'all',
      name: 'Na de klokwissel',
      opensAt: '2026-10-25T12:00',
      closesAt: '2026-10-26T12:00',
      staysOpen: false,
    };
    expect(scopePhaseAt([dst], utc('2026-10-25T10:59:59Z')).phase).toBe('closed');
    expect(scopePhaseAt([dst], utc('2026-10-25T11:00:00Z')).phase).toBe('all');
    expect(scopePhaseAt([dst], utc('2026-10-26T10:59:59Z')).phase).toBe('all');
    expect(scopePhaseAt([dst], utc('2026-10-26T11:00:00Z')).phase).toBe('closed');
    // A round spanning the change: opens in summer time, closes in winter time.
    const spanning = { ...dst, opensAt: '2026-10-24T12:00', closesAt: '2026-10-25T12:00' };
    expect(scopePhaseAt([spanning], utc('2026-10-24T10:00:00Z')).phase).toBe('all');
    expect(scopePhaseAt([spanning], utc('2026-10-25T10:59:59Z')).phase).toBe('all');
    expect(scopePhaseAt([spanning], utc('2026-10-25T11:00:00Z')).phase).toBe('closed');
  });

  it('an adult window shows the students whose first period starts in its internship range', () => {
    const now = utc('2026-11-20T10:00:00Z'); // the Jan–Mar window is open
    const segments = trackStateAt(rounds, 'adult', null, now).segments;
    const service = { id: 'svc', province: 'limburg' as const };
    const student = (firstPeriodStart: string) => ({
      visibleFrom: '2026-09-01T00:00:00Z',
      province: 'antwerpen' as const,
      firstPeriodStart,
    });
    expect(serviceMaySee(student('2027-02-01'), service, segments, now)).toBe(true);
    expect(serviceMaySee(student('2026-11-02'), service, segments, now)).toBe(false); // Oct–Dec: closed
    expect(serviceMaySee(student('2027-04-12'), service, segments, now)).toBe(false); // Apr–Jun: upcoming
  });

  it('the override beats the calendar until it is lifted', () => {
    const during = utc('2026-09-10T10:00:00Z');
    expect(phaseOf('secondary', 'secondary:seventh_year', during, 'closed')).toBe('closed');
    expect(phaseOf('secondary', 'secondary:third_grade', during, 'all')).toBe('all');
    expect(phaseOf('secondary', 'secondary:seventh_year', during, null)).toBe('preferred');
    const state = trackStateAt(rounds, 'secondary', 'all', during);
    expect(state.override).toBe('all');
    expect(state.scopes.every((s) => s.next === null)).toBe(true);
  });

  it('names the next change of each scope', () => {
    const seventh = rounds.filter((r) => r.programme === 'seventh_year');
    expect(nextChange(seventh, utc('2026-09-01T00:00:00Z'))).toEqual({
      at: utc('2026-09-04T10:00:00Z'),
      phase: 'preferred',
    });
    expect(nextChange(seventh, utc('2026-09-04T10:00:00Z'))).toEqual({
      at: utc('2026-09-18T10:00:00Z'),
      phase: 'all',
    });
    // After 30 Sep nothing changes any more: the round stays open.
    expect(nextChange(seventh, utc('2026-09-29T00:00:00Z'))).toBeNull();
  });
});

describe('the state of each round', () => {
  it('says a round past its target date that still gives its scope its phase stays open', () => {
    const states = (now: Date) => Object.fromEntries(roundStatesAt(rounds, now).map((r) => [r.id, r.state]));
    expect(states(utc('2026-09-10T10:00:00Z'))).toMatchObject({
      'secondary-7-preferred': 'open',
      'secondary-7-all': 'upcoming',
      'adult-oct-dec': 'open',
    });
    // 1 Dec: the 7th year's "all" round ended on 30 Sep but stays open (services see everyone), the
    // preferred round before it is over for good, and so is an adult window that does not stay open.
    expect(states(utc('2026-12-01T10:00:00Z'))).toEqual({
      'secondary-7-preferred': 'closed',
      'secondary-7-all': 'lasting',
      'secondary-3-all': 'lasting',
      'dual-all': 'lasting',
      'adult-oct-dec': 'closed',
      'adult-jan-mar': 'closed',
      'adult-apr-jun': 'upcoming',
      'adult-sep-dec': 'upcoming',
    });
    for (const r of roundStatesAt(rounds, utc('2026-12-01T10:00:00Z'))) {
      const own = rounds.filter((o) => o.track === r.track && o.programme === r.programme);
      if (r.state === 'lasting') expect(scopePhaseAt(own, utc('2026-12-01T10:00:00Z')).round?.id).toBe(r.id);
    }
  });

  it('ends a lasting round once the next round of its scope opens', () => {
    const lasting: Round = {
      id: 'first',
      track: 'dual',
      kind: 'preferred',
      name: 'Eerste',
      opensAt: '2027-01-04T12:00',
      closesAt: '2027-01-11T12:00',
      staysOpen: true,
    };
    const next: Round = {
      ...lasting,
      id: 'next',
      kind: 'all',
      opensAt: '2027-01-18T12:00',
      closesAt: '2027-01-25T12:00',
    };
    const stateOf = (id: string, now: Date) =>
      roundStatesAt([lasting, next], now).find((r) => r.id === id)?.state;
    expect(stateOf('first', utc('2027-01-15T11:00:00Z'))).toBe('lasting');
    expect(stateOf('first', utc('2027-01-18T11:00:00Z'))).toBe('closed');
    expect(stateOf('next', utc('2027-01-18T11:00:00Z'))).toBe('open');
    expect(stateOf('next', utc('2027-01-25T11:00:00Z'))).toBe('lasting');
  });
});

describe('what the admin may store', () => {
  const base = rounds.find((r) => r.id === 'secondary-7-preferred')!;

  it('refuses a close before (or at) the open, with the field', () => {
    expect(roundProblems({ ...base, closesAt: base.opensAt }, rounds).invalid).toEqual([
      expect.objectContaining({ path: 'closesAt', in: 'body' }),
    ]);
  });

  it('refuses two rounds of one scope that overlap, and allows them to touch', () => {
    const { id: _id, ...fresh } = base;
    const clash = roundProblems(
      { ...fresh, opensAt: '2026-09-17T12:00', closesAt: '2026-09-19T12:00' },
      rounds,
    );
    expect(clash.clash).toEqual(expect.objectContaining({ path: 'opensAt' }));
    const touching = roundProblems(
      { ...fresh, opensAt: '2026-09-30T12:00', closesAt: '2026-10-10T12:00' },
      rounds,
    );
    expect(touching.clash).toBeNull();
    // Another programme's round at the same time is no clash.
    const other = roundProblems({ ...fresh, programme: 'third_grade', kind: 'preferred' }, rounds);
    expect(other.clash).toBeNull();
  });

  it('asks a programme for secondary and an internship range for adult education', () => {
    const { programme: _p, ...noProgramme } = base;
    expect(roundProblems(noProgramme, rounds).invalid.map((e) => e.path)).toEqual(['programme']);
    const adult = rounds.find((r) => r.id === 'adult-jan-mar')!;
    const { internship: _i, ...noRange } = adult;
    expect(roundProblems(noRange, rounds).invalid.map((e) => e.path)).toEqual(['internship']);
    expect(
      roundProblems({ ...adult, id: 'x', internship: { from: '2027-03-01', to: '2027-05-31' } }, rounds)
        .clash,
    ).toEqual(expect.objectContaining({ path: 'internship.from' }));
  });
});

describe('mailing moments', () => {
  it('open, close, every Monday 09:00 while open and the day before the close', () => {
    const preferred = rounds.find((r) => r.id === 'secondary-7-preferred')!;
    expect(momentsOf(preferred, year.reminders).map((m) => m.id)).toEqual([
      'open',
      'close',
      'reminder-2026-09-07T09:00',
      'reminder-2026-09-14T09:00',
      'reminder-2026-09-17T09:00',
    ]);
  });

  it('are due once past, within the look-back of a late tick', () => {
    const preferred = rounds.filter((r) => r.id === 'secondary-7-preferred');
    const ids = (iso: string) => dueMoments(preferred, year.reminders, utc(iso), 3600_000).map((m) => m.id);
    expect(ids('2026-09-04T09:59:59Z')).toEqual([]);
    expect(ids('2026-09-04T10:00:00Z')).toEqual(['open']);
    expect(ids('2026-09-04T11:00:00Z')).toEqual([]);
  });
});
