import { describe, expect, it } from 'vitest';
import { type CountedStudent, countDeltas, openOf, sumRows, totalOf } from '#statistics/rules';

const base: CountedStudent = {
  track: 'secondary',
  province: 'limburg',
  schoolId: 's1',
  hidden: false,
  placed: false,
  stopped: false,
};

/** Applies the deltas of a life story to empty counters, as the writes would. */
function replay(steps: [CountedStudent | null, CountedStudent | null, string?][]) {
  const rows = steps.flatMap(([before, after, day]) =>
    countDeltas(before, after, day).flatMap((t) =>
      t.deltas.map((d) => ({ row: `${t.track}/${d.row}`, figures: { [d.figure]: d.delta } })),
    ),
  );
  return sumRows(rows);
}

describe('placement counters', () => {
  it('count a student entered, placed on a day, then stopped', () => {
    const placed = { ...base, placed: true };
    const rows = replay([
      [null, base],
      [base, placed, '2026-09-18'],
      [placed, { ...placed, stopped: true }],
    ]);
    const p = rows.get('secondary/P#limburg')!;
    expect(p).toMatchObject({ entered: 1, placed: 1, stopped: 1, placedStopped: 1 });
    expect(openOf(p)).toBe(0);
    expect(rows.get('secondary/D#2026-09-18')?.placed).toBe(1);
    expect(rows.get('secondary/S#s1')).toEqual(p);
  });

  it('count a student on the day entered, through edits and a track change, and not after a delete', () => {
    const entered = { ...base, enteredOn: '2026-09-03' };
    const adult = { ...entered, track: 'adult' as const, province: 'antwerpen' as const };
    const kept = replay([
      [null, entered],
      [entered, { ...entered, province: 'antwerpen' }],
      [{ ...entered, province: 'antwerpen' }, adult],
    ]);
    expect(kept.get('secondary/D#2026-09-03')?.entered ?? 0).toBe(0);
    expect(kept.get('adult/D#2026-09-03')?.entered).toBe(1);
    const gone = replay([
      [null, entered],
      [entered, null],
    ]);
    expect(gone.get('secondary/D#2026-09-03')?.entered ?? 0).toBe(0);
  });

  it('give a released placement back, on the day it was counted, so the chart and totals agree', () => {
    const placed = { ...base, placed: true };
    const deltas = (
      before: CountedStudent | null,
      after: CountedStudent,
      placedOn?: string,
      unplacedFrom?: string,
    ) =>
      countDeltas(before, after, placedOn, unplacedFrom).flatMap((t) =>
        t.deltas.map((d) => ({ row: `${t.track}/${d.row}`, figures: { [d.figure]: d.delta } })),
      );
    const rows = sumRows([
      ...deltas(null, base),
      ...deltas(base, placed, '2026-09-18'),
      ...deltas(placed, base, undefined, '2026-09-18'),
    ]);
    expect(rows.get('secondary/D#2026-09-18')?.placed).toBe(0);
    expect(openOf(rows.get('secondary/P#limburg')!)).toBe(1);
    expect(rows.get('secondary/S#s1')).toMatchObject({ entered: 1, placed: 0 });
  });

  it('move a student between provinces and tracks when the school edits them', () => {
    const rows = replay([
      [null, base],
      [base, { ...base, province: 'antwerpen', track: 'adult' }],
    ]);
    expect(rows.get('secondary/P#limburg')?.entered).toBe(0);
    expect(rows.get('adult/P#antwerpen')?.entered).toBe(1);
  });

  it('forget a student deleted by mistake, and a stopped one is no longer open', () => {
    const rows = replay([
      [null, base],
      [null, { ...base, schoolId: 's2' }],
      [base, null],
      [
        { ...base, schoolId: 's2' },
        { ...base, schoolId: 's2', stopped: true },
      ],
    ]);
    const p = rows.get('secondary/P#limburg')!;
    expect(p).toMatchObject({ entered: 1, stopped: 1 });
    expect(openOf(p)).toBe(0);
  });

  it('keep a blackout student hidden until placed or stopped', () => {
    const hidden = { ...base, hidden: true };
    const rows = replay([[null, hidden]]);
    expect(rows.get('secondary/P#limburg')?.hidden).toBe(1);
    const placedRows = replay([
      [null, hidden],
      [hidden, { ...hidden, placed: true }, '2026-09-20'],
    ]);
    expect(placedRows.get('secondary/P#limburg')?.hidden).toBe(0);
  });

  it('add shards of one row up and rows into a total', () => {
    const rows = sumRows([
      { row: 'P#limburg', figures: { entered: 2 } },
      { row: 'P#limburg', figures: { entered: 3, placed: 1 } },
      { row: 'P#antwerpen', figures: { entered: 1 } },
    ]);
    expect(rows.get('P#limburg')).toMatchObject({ entered: 5, placed: 1 });
    expect(totalOf([...rows.values()]).entered).toBe(6);
  });
});
