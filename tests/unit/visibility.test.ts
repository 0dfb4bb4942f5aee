import { describe, expect, it } from 'vitest';
import { TRACKS, type Track } from '#contract/organisations';
import { PROVINCES, type Province } from '#contract/provinces';
import { PROGRAMMES, type Programme, TRANSPORT } from '#contract/students';
import { keys } from '#platform/table/keys';
import {
  inScope,
  type OpenQuery,
  openIndexQueries,
  PHASES,
  type Phase,
  scopeOf,
  serviceMaySee,
  trackScopeOf,
} from '#requests/visibility';
import type { SegmentPhase } from '#school-year/rules';
import { openCountDeltas, openCountedOf, totalOf } from '#statistics/open-counts';
import { firstPeriodStart } from '#students/rules';

/** A small deterministic generator, so a failure names a case that can be replayed. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}
const now = new Date('2026-09-18T10:00:00Z');

interface Case {
  student: {
    id: string;
    track: Track;
    transport?: string[];
    province: Province;
    postcode: string;
    lastName: string;
    preferredServiceId?: string;
    visibleFrom: string;
    stoppedAt?: string;
    placement?: { serviceId: string };
    programme?: Programme;
    internship: { periods: { start: string }[] };
    firstPeriodStart?: string;
  };
  service: { id: string; province?: Province };
  phase: Phase;
  /** The same moment as the calendar gives it: one phase per programme and adult-style window. */
  segments: SegmentPhase[];
}

const WINDOWS = [
  { from: '2026-10-01', to: '2026-12-31' },
  { from: '2027-01-01', to: '2027-03-31' },
];
const STARTS = ['2026-09-20', '2026-10-01', '2026-12-31', '2027-01-01', '2027-02-15', '2027-04-02'];

function cases(n: number, seed: number): Case[] {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
  const services = Array.from({ length: 6 }, (_, i) => ({
    id: `svc${i}`,
    ...(r() < 0.9 ? { province: pick(PROVINCES) } : {}),
  }));
  return Array.from({ length: n }, (_, i) => {
    const roll = r();
    const periods = Array.from({ length: 1 + Math.floor(r() * 3) }, () => ({ start: pick(STARTS) }));
    const segments: SegmentPhase[] = [
      ...PROGRAMMES.map((programme) => ({ segment: { programme }, phase: pick(PHASES) })),
      ...WINDOWS.map((firstPeriod) => ({ segment: { firstPeriod }, phase: pick(PHASES) })),
    ].filter(() => r() < 0.8);
    return {
      segments,
      student: {
        ...(r() < 0.9 ? { programme: pick(PROGRAMMES) } : {}),
        internship: { periods },
        // What the store writes beside the student.
        firstPeriodStart: firstPeriodStart(periods),
        id: `st${i}`,
        track: 'secondary' as const,
        province: pick(PROVINCES),
        postcode: String(1000 + Math.floor(r() * 9000)),
        lastName: pick(['Peeters', 'Janssens', 'Maes', 'Claes']),
        ...(r() < 0.6 ? { preferredServiceId: pick(services).id } : {}),
        visibleFrom: new Date(now.getTime() + (r() < 0.15 ? 1 : -1) * 86_400_000).toISOString(),
        ...(roll < 0.1 ? { stoppedAt: now.toISOString() } : {}),
        ...(roll > 0.85 ? { placement: { serviceId: pick(services).id } } : {}),
      },
      service: pick(services),
      phase: pick(PHASES),
    };
  });
}

/**
 * What the open index returns for one query, evaluated the way DynamoDB evaluates the store's
 * query (partition key, begins_with on the sort key, filter on visibleFrom and preference) on the
 * index entry the store writes for the student.
 */
function indexReturns(student: Case['student'], q: OpenQuery): boolean {
  if (student.placement || student.stoppedAt) return false; // no index entry: removed in the same write
  const entry = keys.openStudent(
    student.track,
    student.province,
    student.postcode,
    student.lastName,
    student.id,
  );
  if (entry.gsi2pk !== keys.openPartition(q.track, q.province)) return false;
  if (q.postcodePrefix && !entry.gsi2sk.startsWith(q.postcodePrefix)) return false;
  if (student.visibleFrom > q.now.toISOString()) return false;
  // The filter expression: `programme IN (:prog0, …)`, `firstPeriodStart BETWEEN :fpFrom AND :fpTo`.
  if (q.programmes && !q.programmes.includes(student.programme!)) return false;
  if (q.transport?.length && !q.transport.some((t) => student.transport?.includes(t))) return false;
  if (q.firstPeriod) {
    const start = student.firstPeriodStart;
    if (start === undefined || start < q.firstPeriod.from || start > q.firstPeriod.to) return false;
  }
  return !q.preferredServiceId || student.preferredServiceId === q.preferredServiceId;
}

describe('one visibility rule', () => {
  it('the check on one student and the list queries agree, on 5,000 generated cases', () => {
    for (const c of cases(5_000, 42)) {
      const single = serviceMaySee(c.student, c.service, c.phase, now);
      const scope = scopeOf(c.service, c.phase);
      const listed = c.student.placement
        ? c.student.placement.serviceId === c.service.id
        : openIndexQueries(scope, c.student.track, now).some((q) => indexReturns(c.student, q));
      expect({ case: c, visible: single }).toEqual({ case: c, visible: listed });
    }
  });

  it('per programme and per adult window, as the calendar gives the phases: they agree too', () => {
    for (const c of cases(5_000, 2027)) {
      const single = serviceMaySee(c.student, c.service, c.segments, now);
      const listed = c.student.placement
        ? c.student.placement.serviceId === c.service.id
        : openIndexQueries(trackScopeOf(c.service, c.segments), c.student.track, now).some((q) =>
            indexReturns(c.student, q),
          );
      expect({ case: c, visible: single }).toEqual({ case: c, visible: listed });
    }
  });

  it('a programme filter on the list only narrows what the scope allows', () => {
    for (const c of cases(2_000, 11)) {
      const scope = trackScopeOf(c.service, c.segments);
      const listed = openIndexQueries(scope, c.student.track, now, { programme: 'third_grade' }).some((q) =>
        indexReturns(c.student, q),
      );
      const open = !c.student.placement && !c.student.stoppedAt;
      expect(listed).toBe(open && c.student.programme === 'third_grade' && inScope(c.student, scope, now));
    }
  });

  it('an adult window shows the students whose first period starts in its range, edges included', () => {
    const service = { id: 'a', province: 'limburg' as const };
    const window: SegmentPhase[] = [{ segment: { firstPeriod: WINDOWS[1]! }, phase: 'all' }];
    const student = (starts: string[]) => ({
      visibleFrom: '2026-01-01T00:00:00.000Z',
      province: 'limburg' as const,
      firstPeriodStart: firstPeriodStart(starts.map((start) => ({ start }))),
    });
    expect(serviceMaySee(student(['2027-01-01']), service, window, now)).toBe(true);
    expect(serviceMaySee(student(['2027-03-31']), service, window, now)).toBe(true);
    expect(serviceMaySee(student(['2027-04-01']), service, window, now)).toBe(false);
    expect(serviceMaySee(student(['2026-12-31']), service, window, now)).toBe(false);
    // The first period is the earliest one, whatever order the school entered them in.
    expect(serviceMaySee(student(['2027-05-01', '2027-02-01']), service, window, now)).toBe(true);
    expect(serviceMaySee(student(['2027-02-01', '2026-11-01']), service, window, now)).toBe(false);
  });

  it('a province filter on the list only narrows what the scope allows', () => {
    for (const c of cases(2_000, 7)) {
      const scope = scopeOf(c.service, c.phase);
      const filter = [c.student.province, PROVINCES[0]];
      const listed = openIndexQueries(scope, c.student.track, now, { provinces: filter }).some((q) =>
        indexReturns(c.student, q),
      );
      const open = !c.student.placement && !c.student.stoppedAt;
      expect(listed).toBe(open && inScope(c.student, scope, now));
    }
  });

  it('the preferred round shows a service only its own province, to students who chose it', () => {
    const service = { id: 'svc1', province: 'limburg' as const };
    const base = { visibleFrom: '2026-01-01T00:00:00.000Z', province: 'limburg' as const };
    expect(serviceMaySee({ ...base, preferredServiceId: 'svc1' }, service, 'preferred', now)).toBe(true);
    expect(serviceMaySee({ ...base, preferredServiceId: 'svc2' }, service, 'preferred', now)).toBe(false);
    expect(
      serviceMaySee(
        { ...base, province: 'antwerpen', preferredServiceId: 'svc1' },
        service,
        'preferred',
        now,
      ),
    ).toBe(false);
    expect(serviceMaySee({ ...base, preferredServiceId: 'svc2' }, service, 'all', now)).toBe(true);
    expect(serviceMaySee({ ...base, preferredServiceId: 'svc1' }, service, 'closed', now)).toBe(false);
  });

  it('an accepted student is seen by the accepting service only, a stopped one by nobody', () => {
    const student = { visibleFrom: '2026-01-01T00:00:00.000Z', province: 'limburg' as const };
    const placement = { serviceId: 'a' };
    expect(serviceMaySee({ ...student, placement }, { id: 'a' }, 'closed', now)).toBe(true);
    expect(serviceMaySee({ ...student, placement }, { id: 'b', province: 'limburg' }, 'all', now)).toBe(
      false,
    );
    expect(serviceMaySee({ ...student, stoppedAt: 'x' }, { id: 'b', province: 'limburg' }, 'all', now)).toBe(
      false,
    );
  });

  it('a student entered in the summer blackout stays hidden until the day the year sets', () => {
    const student = { visibleFrom: '2026-09-19T00:00:00.000+02:00', province: 'limburg' as const };
    const service = { id: 'a', province: 'limburg' as const };
    expect(serviceMaySee(student, service, 'all', new Date('2026-09-18T21:59:59Z'))).toBe(false);
    expect(serviceMaySee(student, service, 'all', new Date('2026-09-18T22:00:00Z'))).toBe(true);
  });
});

describe("the list's totals", () => {
  /** Students of every track, with what the totals are keyed on, written the way the store writes them. */
  function students(n: number, seed: number): Case['student'][] {
    const r = rng(seed);
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
    return Array.from({ length: n }, (_, i) => {
      const track = pick(TRACKS);
      const periods = Array.from({ length: 1 + Math.floor(r() * 3) }, () => ({ start: pick(STARTS) }));
      const roll = r();
      const registeredAt = new Date(now.getTime() - 30 * 86_400_000).toISOString();
      return {
        id: `st${i}`,
        track,
        ...(track === 'secondary' && r() < 0.95 ? { programme: pick(PROGRAMMES) } : {}),
        internship: { periods },
        firstPeriodStart: firstPeriodStart(periods),
        province: pick(PROVINCES),
        postcode: pick(['1000', '1050', '2000', '2018', '9000', '9050', '9051', '3500', '8000']),
        transport: TRANSPORT.filter(() => r() < 0.4),
        lastName: pick(['Peeters', 'Janssens', 'Maes']),
        ...(r() < 0.5 ? { preferredServiceId: pick(['svc0', 'svc1', 'svc2']) } : {}),
        visibleFrom:
          r() < 0.2 ? new Date(now.getTime() + (r() < 0.5 ? 1 : -1) * 3_600_000).toISOString() : registeredAt,
        ...(roll < 0.1 ? { stoppedAt: now.toISOString() } : {}),
        ...(roll > 0.85 ? { placement: { serviceId: pick(['svc0', 'svc1']) } } : {}),
        registeredAt,
      };
    });
  }

  /** The counts as the writes leave them: every student's entry added once (stopped, placed: none). */
  const countsOf = (list: (Case['student'] & { registeredAt: string })[]) => {
    const rows = new Map<
      string,
      { row: ReturnType<typeof openCountDeltas>[number]['row']; n: number; track: Track }
    >();
    for (const s of list) {
      const entry = openCountedOf({ ...s, address: { postcode: s.postcode }, transport: s.transport ?? [] });
      for (const d of openCountDeltas(null, entry)) {
        const id = `${d.track}|${JSON.stringify(d.row)}`;
        const row = rows.get(id) ?? { row: d.row, n: 0, track: d.track };
        row.n += d.delta;
        rows.set(id, row);
      }
    }
    return (track: Track) => [...rows.values()].filter((r) => r.track === track);
  };

  it('equal what the list queries return, per query, for every scope and filter (generated cases)', () => {
    const r = rng(99);
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
    const all = students(1_500, 5) as (Case['student'] & { registeredAt: string })[];
    const rowsOf = countsOf(all);
    let checked = 0;
    for (let i = 0; i < 200; i++) {
      const track = pick(TRACKS);
      const service = { id: pick(['svc0', 'svc1', 'svc3']), province: pick(PROVINCES) };
      // Segments as the calendar makes them: programmes for secondary, windows for adult.
      const segments: SegmentPhase[] =
        track === 'secondary'
          ? PROGRAMMES.map((programme) => ({ segment: { programme }, phase: pick(PHASES) }))
          : track === 'adult'
            ? WINDOWS.map((firstPeriod) => ({ segment: { firstPeriod }, phase: pick(PHASES) }))
            : [{ segment: {}, phase: pick(PHASES) }];
      const filters = {
        ...(r() < 0.3 ? { provinces: [pick(PROVINCES), pick(PROVINCES)] } : {}),
        ...(r() < 0.4 ? { postcodePrefix: pick(['90', '9050', '1', '20', '35']) } : {}),
        ...(r() < 0.4 ? { transport: TRANSPORT.filter(() => r() < 0.4) } : {}),
        ...(track === 'secondary' && r() < 0.3 ? { programme: pick(PROGRAMMES) } : {}),
      };
      const queries = openIndexQueries(trackScopeOf(service, segments), track, now, filters);
      const rows = rowsOf(track);
      for (const q of queries) {
        const listed = all.filter((s) => s.track === track && indexReturns(s, q)).length;
        const total = totalOf(rows, q);
        if (total !== listed) expect({ q, total }).toEqual({ q, total: listed });
      }
      checked += queries.length;
    }
    expect(checked).toBeGreaterThan(500);
  });

  it('a student leaving the open index leaves every total, and an edit moves them between totals', () => {
    const [s] = students(1, 3) as (Case['student'] & { registeredAt: string })[];
    const entry = openCountedOf({
      ...s!,
      placement: undefined,
      stoppedAt: undefined,
      address: { postcode: '9000' },
      transport: ['bike'],
    });
    const moved = { ...entry!, postcode: '2000', transport: ['car'] };
    expect(openCountDeltas(entry, null).every((d) => d.delta === -1)).toBe(true);
    expect(openCountDeltas(entry, entry)).toEqual([]);
    const edit = openCountDeltas(entry, moved);
    // The rows without postcode or transport stay as they are; the others move.
    expect(edit.some((d) => d.row.family === 'everyone')).toBe(false);
    expect(edit.filter((d) => d.delta === 1).every((d) => d.row.mask === '01')).toBe(true);
  });
});
