import { TRACKS } from '#contract/organisations';
import { brusselsDate } from '#kernel/time';
import { listOrganisations } from '#organisations/store';
import { countedOf } from '#statistics/counted';
import { recountOpenCounts } from '#statistics/open-counts-rebuild';
import { type CounterRow, countDeltas, type Figure } from '#statistics/rules';
import { replaceCounters } from '#statistics/store';
import { listStudentsOfSchool } from '#students/store';

/**
 * Counts every student afresh and replaces the counters with the result: the dashboard's and the
 * services' list totals. The counters are kept exact in the writes themselves; this is for data
 * written around them (an import, a restore) and for the tests that hold the two together.
 */
export async function recountAll(): Promise<Record<string, number>> {
  const schools = await listOrganisations('school');
  const students = (await Promise.all(schools.map((s) => listStudentsOfSchool(s.id)))).flat();
  const rows = new Map<string, Map<string, Partial<Record<Figure, number>>>>();
  for (const s of students) {
    const placedOn = s.placement ? brusselsDate(new Date(s.placement.acceptedAt)) : undefined;
    for (const { track, deltas } of countDeltas(null, countedOf(s), placedOn)) {
      const perTrack = rows.get(track) ?? new Map();
      rows.set(track, perTrack);
      for (const d of deltas) {
        const figures = perTrack.get(d.row) ?? {};
        figures[d.figure] = (figures[d.figure] ?? 0) + d.delta;
        perTrack.set(d.row, figures);
      }
    }
  }
  const counted: Record<string, number> = {};
  for (const track of TRACKS) {
    const perTrack = rows.get(track) ?? new Map();
    const list: CounterRow[] = [...perTrack.entries()].map(([row, figures]) => ({ row, figures }));
    await replaceCounters(track, list);
    counted[track] = students.filter((s) => s.track === track).length;
  }
  // The services' list totals, from a consistent read of the students, race-free beside the writes.
  await recountOpenCounts();
  return counted;
}
