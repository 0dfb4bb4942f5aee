import type { LocalStack } from '#local/stack';
import { benchAdmin } from './admin';

const percentile = (xs: number[], p: number) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
};

/**
 * `npm run bench`, the sector's dashboard: the bench writes its 10,000 students straight into the
 * table (around the counters), so it first recounts them once, as an admin would after a restore;
 * then it asks the dashboard 30 times, for all tracks and for one. Figures only; the target (p95
 * well under a second with 10,000 students) is checked by people.
 */
export async function benchDashboard(stack: Pick<LocalStack, 'appUrl'>) {
  const { api } = await benchAdmin(stack);
  const recountStarted = performance.now();
  const recount = await api('POST', '/admin/dashboard/recount');
  if (recount.status !== 200) throw new Error(`recount answered ${recount.status}`);
  const recountMs = performance.now() - recountStarted;
  const timings: Record<string, number[]> = { all: [], secondary: [] };
  let totals: unknown;
  for (let i = 0; i < 30; i++) {
    for (const track of ['all', 'secondary'] as const) {
      const started = performance.now();
      const res = await api('GET', `/admin/dashboard${track === 'all' ? '' : `?track=${track}`}`);
      if (res.status !== 200) throw new Error(`dashboard answered ${res.status}`);
      timings[track]!.push(performance.now() - started);
      if (track === 'all') totals = (res.body as { totals: unknown }).totals;
    }
  }
  console.log(
    "\nSector dashboard (counters kept in the writes; one recount first for the bench's raw seed):",
  );
  console.log(`  recount of every student: ${Math.round(recountMs)} ms; totals ${JSON.stringify(totals)}`);
  for (const [track, xs] of Object.entries(timings)) {
    console.log(
      `  GET /api/admin/dashboard (${track}): p50 ${Math.round(percentile(xs, 50))} ms, p95 ${Math.round(percentile(xs, 95))} ms (30 runs; target p95 ≤ 1000 ms)`,
    );
  }
}
