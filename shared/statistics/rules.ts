import type { Track } from '#contract/organisations';
import type { Province } from '#contract/provinces';
import type { OpenCounted } from './open-counts';

/**
 * The placement figures the sector follows, kept as counters in the same writes as the events that
 * change them, so the dashboard reads a few small items instead of counting 10,000 students.
 *
 * Per track, three kinds of counter rows (each split over shards, see `SHARDS`):
 * - `P#<province>`: entered, placed, stopped, placedStopped (placed and later stopped), hidden
 *   (entered in the summer blackout, not yet visible to services);
 * - `S#<schoolId>`: the same per school (for "schools with unplaced students");
 * - `D#<yyyy-mm-dd>`: entered and placed on that day (Brussels dates), for the chart.
 */
export const FIGURES = ['entered', 'placed', 'stopped', 'placedStopped', 'hidden'] as const;
export type Figure = (typeof FIGURES)[number];
export type Figures = Record<Figure, number>;

/**
 * At 12:00 many services accept at once; a single counter item would make their transactions
 * collide. Each write picks one of these shards at random; readers add them up.
 */
export const SHARDS = 8;

export interface CounterDelta {
  /** Row within the track: `P#<province>`, `S#<schoolId>` or `D#<date>`. */
  row: string;
  figure: Figure;
  delta: number;
}

export interface CountedStudent {
  /** The version the counts were taken from (the student's `version`); writes require it. */
  version?: number;
  track: Track;
  province: Province;
  schoolId: string;
  hidden: boolean;
  placed: boolean;
  stopped: boolean;
  /** The Brussels date the student was entered, for the chart's entered-over-time line. */
  enteredOn?: string;
  /**
   * The student's place in the list totals (`./open-counts`), null when not open. Left out only by
   * code that moves no open student (the dashboard's own tests).
   */
  open?: OpenCounted | null;
}

/**
 * A counter row's name, stored in its `row` attribute; `keys.counter` puts it before the shard in
 * the sort key. The rows' vocabulary is the statistics' own (pure rules cannot import keys.ts).
 */
export const counterRow = {
  province: (province: string) => `P#${province}`,
  school: (schoolId: string) => `S#${schoolId}`,
  day: (date: string) => `D#${date}`,
};

/** The summed rows of one kind, by what they count: `P#antwerpen` → `antwerpen`. */
export function rowsOfKind(rows: Map<string, Figures>, kind: keyof typeof counterRow): [string, Figures][] {
  const prefix = counterRow[kind]('');
  return [...rows.entries()]
    .filter(([row]) => row.startsWith(prefix))
    .map(([row, figures]) => [row.slice(prefix.length), figures]);
}

const rowsOf = (s: CountedStudent) => [counterRow.province(s.province), counterRow.school(s.schoolId)];

function figuresOf(s: CountedStudent): Partial<Figures> {
  return {
    entered: 1,
    ...(s.placed ? { placed: 1 } : {}),
    ...(s.stopped ? { stopped: 1 } : {}),
    ...(s.placed && s.stopped ? { placedStopped: 1 } : {}),
    ...(s.hidden && !s.placed && !s.stopped ? { hidden: 1 } : {}),
  };
}

/**
 * What changes in the counters when a student goes from `before` to `after` (null: not there):
 * entering, editing (track, province or school), deleting, stopping, restarting, being placed,
 * being released (the placement undone).
 * Returned per track, since counter rows live under their track.
 */
export function countDeltas(
  before: CountedStudent | null,
  after: CountedStudent | null,
  placedOn?: string,
  /** A released placement: the day it was counted on, which gives the placement back. */
  unplacedFrom?: string,
): { track: Track; deltas: CounterDelta[] }[] {
  const byTrack = new Map<Track, Map<string, number>>();
  const add = (s: CountedStudent, sign: number) => {
    const rows = byTrack.get(s.track) ?? new Map<string, number>();
    byTrack.set(s.track, rows);
    for (const row of rowsOf(s)) {
      for (const [figure, n] of Object.entries(figuresOf(s))) {
        const key = `${row}|${figure}`;
        rows.set(key, (rows.get(key) ?? 0) + sign * (n ?? 0));
      }
    }
    // The day stays with the student through edits (they cancel out) and leaves with a delete.
    if (s.enteredOn) {
      const key = `${counterRow.day(s.enteredOn)}|entered`;
      rows.set(key, (rows.get(key) ?? 0) + sign);
    }
  };
  if (before) add(before, -1);
  if (after) add(after, 1);
  if (after?.placed && !before?.placed && placedOn) {
    const rows = byTrack.get(after.track)!;
    rows.set(`${counterRow.day(placedOn)}|placed`, 1);
  }
  if (before?.placed && !after?.placed && unplacedFrom) {
    const rows = byTrack.get(before.track)!;
    rows.set(`${counterRow.day(unplacedFrom)}|placed`, -1);
  }
  return [...byTrack.entries()]
    .map(([track, rows]) => ({
      track,
      deltas: [...rows.entries()]
        .filter(([, delta]) => delta !== 0)
        .map(([key, delta]) => {
          const [row, figure] = key.split('|') as [string, Figure];
          return { row, figure, delta };
        }),
    }))
    .filter((t) => t.deltas.length > 0);
}

export interface CounterRow {
  row: string;
  figures: Partial<Figures>;
}

const zero = (): Figures => ({ entered: 0, placed: 0, stopped: 0, placedStopped: 0, hidden: 0 });

/** Students still waiting for a place: neither placed nor stopped. */
export const openOf = (f: Figures) => f.entered - f.placed - f.stopped + f.placedStopped;

/** Adds the shards of each row up: `P#antwerpen` → its figures. */
export function sumRows(items: CounterRow[]): Map<string, Figures> {
  const out = new Map<string, Figures>();
  for (const item of items) {
    const sum = out.get(item.row) ?? zero();
    for (const figure of FIGURES) sum[figure] += item.figures[figure] ?? 0;
    out.set(item.row, sum);
  }
  return out;
}

export const totalOf = (rows: Figures[]): Figures =>
  rows.reduce((a, b) => {
    for (const figure of FIGURES) a[figure] += b[figure];
    return a;
  }, zero());
