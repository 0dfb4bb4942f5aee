import type { Round } from '#contract/school-year';
import { at } from './rules';

/**
 * When the services' hot path (list, detail, decision) must have warm instances: from `leadMs`
 * before a round opens (provisioned concurrency takes a few minutes to come up) until `rushMs`
 * after, when the 12:00 rush is over. Derived from the calendar the admin edits, never a fixed
 * cron: moving an opening moves its window. Pure; the scheduler tick acts on it (`./warm-up-action`).
 */
export interface WarmUpTiming {
  leadMs: number;
  rushMs: number;
}

export const WARM_UP: WarmUpTiming = { leadMs: 10 * 60_000, rushMs: 45 * 60_000 };

export interface WarmWindow {
  from: Date;
  to: Date;
  /** The rounds whose opening this window covers. */
  rounds: string[];
}

/** Every window of the calendar, in time order, overlapping ones merged. */
export function warmWindows(
  rounds: readonly Pick<Round, 'id' | 'opensAt'>[],
  timing = WARM_UP,
): WarmWindow[] {
  const windows = rounds
    .map((r) => {
      const opens = at(r.opensAt).getTime();
      return { from: opens - timing.leadMs, to: opens + timing.rushMs, rounds: [r.id] };
    })
    .sort((a, b) => a.from - b.from);
  const merged: { from: number; to: number; rounds: string[] }[] = [];
  for (const w of windows) {
    const last = merged.at(-1);
    if (last && w.from <= last.to) {
      last.to = Math.max(last.to, w.to);
      last.rounds.push(...w.rounds);
    } else merged.push({ ...w });
  }
  return merged.map((w) => ({ from: new Date(w.from), to: new Date(w.to), rounds: w.rounds }));
}

/** The window `now` falls in (start included, end excluded), if any. */
export const warmWindowAt = (rounds: readonly Pick<Round, 'id' | 'opensAt'>[], now: Date, timing = WARM_UP) =>
  warmWindows(rounds, timing).find((w) => w.from <= now && now < w.to) ?? null;
