import type { Dashboard, PlacementFigures } from '#contract/admin';
import { TRACKS, type Track } from '#contract/organisations';
import { PROVINCES, type Province } from '#contract/provinces';
import { type Region, withinRegion } from '#http/region';
import { brusselsDate } from '#kernel/time';
import { listOrganisations } from '#organisations/store';
import { blackoutOf } from '#school-year/calendar';
import { loadCalendar } from '#school-year/store';
import { countedOf } from '#statistics/counted';
import {
  type CounterRow,
  countDeltas,
  counterRow,
  type Figures,
  openOf,
  rowsOfKind,
  sumRows,
  totalOf,
} from '#statistics/rules';
import { readCounters } from '#statistics/store';
import { everyStudent } from './all-students';
import { releaseRequestsToAnswer } from './release';

const QUIET_DAYS = 14;

function figures(f: Figures, hiddenNow: boolean): PlacementFigures {
  const open = openOf(f);
  return {
    entered: f.entered,
    open,
    visible: open - (hiddenNow ? f.hidden : 0),
    placed: f.placed,
    stopped: f.stopped,
  };
}

/**
 * A regional team's counter rows, counted from the students of its provinces the way the counters
 * count them (`countDeltas`): the stored counters of schools and days span every province.
 */
async function regionRows(region: readonly Province[], tracks: Track[]): Promise<CounterRow[]> {
  const students = withinRegion(region, await everyStudent(), (s) => s.province);
  return students
    .filter((s) => tracks.includes(s.track))
    .flatMap((s) => {
      const placedOn = s.placement ? brusselsDate(new Date(s.placement.acceptedAt)) : undefined;
      return countDeltas(null, countedOf(s), placedOn).flatMap(({ deltas }) =>
        deltas.map((d) => ({ row: d.row, figures: { [d.figure]: d.delta } })),
      );
    });
}

/**
 * The sector's overview, read from the placement counters (a query per track on a few hundred
 * small items) and the organisation list; the only students read are those of the services'
 * pending release requests (a handful). A regional team's (`region`) covers its provinces only,
 * counted from their students (as the all-students list).
 */
export async function dashboard(
  track: Track | undefined,
  now: Date,
  since?: Date,
  region: Region = null,
): Promise<Dashboard> {
  const tracks = track ? [track] : [...TRACKS];
  const [counterRows, allServices, schools, calendar, releaseRequests] = await Promise.all([
    region === null ? Promise.all(tracks.map((t) => readCounters(t))) : regionRows(region, tracks),
    listOrganisations('service'),
    listOrganisations('school'),
    loadCalendar(),
    releaseRequestsToAnswer(region),
  ]);
  const rows = sumRows(counterRows.flat());
  const services = withinRegion(region, allServices, (s) => s.province);
  const blackout = blackoutOf(calendar);
  const hiddenNow = now < blackout.visibleFrom;

  const byProvince = Object.fromEntries(
    withinRegion(region, PROVINCES, (p) => p).map((p) => [
      p,
      figures(rows.get(counterRow.province(p)) ?? totalOf([]), hiddenNow),
    ]),
  );
  let cumulative = 0;
  let enteredCumulative = 0;
  const daily = rowsOfKind(rows, 'day')
    .map(([date, f]) => ({ date, placed: f.placed, entered: f.entered }))
    .filter((d) => d.placed !== 0 || d.entered !== 0)
    .sort((a, b) => a.date.localeCompare(b.date))
    .map((d) => {
      cumulative += d.placed;
      enteredCumulative += d.entered;
      return { ...d, cumulative, enteredCumulative };
    });

  const from = since ?? new Date(now.getTime() - QUIET_DAYS * 86_400_000);
  const quiet = (at: unknown) => typeof at !== 'string' || new Date(at) < from;
  const schoolNames = new Map(schools.map((s) => [s.id, s.name]));
  return {
    track: track ?? null,
    region: region === null ? null : [...region],
    totals: figures(totalOf(rowsOfKind(rows, 'province').map(([, f]) => f)), hiddenNow),
    byProvince,
    daily,
    rounds: calendar.rounds
      .filter((r) => tracks.includes(r.track))
      .map(({ id, name, track, programme, kind, opensAt, closesAt }) => ({
        id,
        name,
        track,
        kind,
        opensAt,
        closesAt,
        ...(programme ? { programme } : {}),
      })),
    nudges: {
      since: from.toISOString(),
      quietServices: services
        .filter((s) => s.active)
        .map((s) => s as typeof s & { lastLoginAt?: string; lastDecisionAt?: string })
        .filter((s) => quiet(s.lastLoginAt) && quiet(s.lastDecisionAt))
        .map((s) => ({
          id: s.id,
          name: s.name,
          province: s.province ?? null,
          lastLoginAt: s.lastLoginAt ?? null,
          lastDecisionAt: s.lastDecisionAt ?? null,
        })),
      schoolsWithOpenStudents: rowsOfKind(rows, 'school')
        .map(([id, f]) => ({ id, name: schoolNames.get(id) ?? '?', open: openOf(f) }))
        .filter((s) => s.open > 0)
        .sort((a, b) => b.open - a.open || a.name.localeCompare(b.name, 'nl-BE')),
    },
    releaseRequests,
  };
}
