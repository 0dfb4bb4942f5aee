import type { Dashboard, PlacementFigures } from '#contract/admin';
import { TRACKS, type Track } from '#contract/organisations';
import { PROVINCES } from '#contract/provinces';
import { listOrganisations } from '#organisations/store';
import { blackoutOf } from '#school-year/calendar';
import { loadCalendar } from '#school-year/store';
import { counterRow, type Figures, openOf, rowsOfKind, sumRows, totalOf } from '#statistics/rules';
import { readCounters } from '#statistics/store';
import { releaseTodos } from './release';

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
 * The sector's overview, read from the placement counters (a query per track on a few hundred
 * small items) and the organisation list; the only students read are those of the services'
 * pending release requests (the to-do, a handful).
 */
export async function dashboard(track: Track | undefined, now: Date, since?: Date): Promise<Dashboard> {
  const tracks = track ? [track] : [...TRACKS];
  const [counterRows, services, schools, calendar, releaseRequests] = await Promise.all([
    Promise.all(tracks.map((t) => readCounters(t))),
    listOrganisations('service'),
    listOrganisations('school'),
    loadCalendar(),
    releaseTodos(),
  ]);
  const rows = sumRows(counterRows.flat());
  const blackout = blackoutOf(calendar);
  const hiddenNow = now < blackout.visibleFrom;

  const byProvince = Object.fromEntries(
    PROVINCES.map((p) => [p, figures(rows.get(counterRow.province(p)) ?? totalOf([]), hiddenNow)]),
  );
  let cumulative = 0;
  const daily = rowsOfKind(rows, 'day')
    .map(([date, f]) => ({ date, placed: f.placed }))
    .sort((a, b) => a.date.localeCompare(b.date))
    .map((d) => {
      cumulative += d.placed;
      return { ...d, cumulative };
    });

  const from = since ?? new Date(now.getTime() - QUIET_DAYS * 86_400_000);
  const quiet = (at: unknown) => typeof at !== 'string' || new Date(at) < from;
  const schoolNames = new Map(schools.map((s) => [s.id, s.name]));
  return {
    track: track ?? null,
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
