import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { brusselsToInstant } from '#kernel/time';
import { isRecurring, type RecurringScheduleDef, type TimedJob } from '#school-year/schedules';
import { payloadAt } from './recurring';

interface SchedulerState {
  fired: Record<string, string>;
  failures: Record<string, number>;
  deadLetters: { name: string; at: string; error: string }[];
  /** Recurring schedules: the last slot (ISO) that ran or was given up on. */
  lastSlot?: Record<string, string>;
}

const MAX_ATTEMPTS = 3; // as the deployed schedules' retry policy before the dead-letter queue

/**
 * How often a recurring job runs here: a `rate(n minute[s]|hour[s]|day[s])` once per period, a
 * `cron(...)` once per minute (its target is idempotent; what matters locally is that it runs soon,
 * not that it waits for the hour).
 */
export function localPeriodMs(def: RecurringScheduleDef): number {
  const rate = /^rate\((\d+) (minute|hour|day)s?\)$/.exec(def.expression);
  if (!rate) return 60_000;
  const unit = { minute: 60_000, hour: 3_600_000, day: 86_400_000 }[rate[2] as 'minute' | 'hour' | 'day'];
  return Number(rate[1]) * unit;
}

/**
 * Runs the school year's schedules as EventBridge Scheduler does: a one-time schedule once its
 * Brussels time has passed, a recurring one once per slot (with the slot's time in its payload;
 * see `localPeriodMs`), each with retries and then a dead letter. It remembers what ran in a state
 * file, so a restart neither repeats nor forgets. The clock is an option, so tests can move it (and
 * `npm start` passes `schedulerClock()`, which `SCHEDULER_CLOCK_OFFSET_DAYS` moves ahead).
 */
export function createLocalScheduler(options: {
  definitions: () => TimedJob[];
  stateFile: string;
  invoke: (def: TimedJob, payload: Record<string, unknown>) => Promise<void>;
  now?: () => Date;
  onError?: (def: TimedJob, error: unknown) => void;
}) {
  const now = options.now ?? (() => new Date());
  const state: SchedulerState = existsSync(options.stateFile)
    ? JSON.parse(readFileSync(options.stateFile, 'utf8'))
    : { fired: {}, failures: {}, deadLetters: [] };
  state.lastSlot ??= {};
  const save = () => writeFileSync(options.stateFile, JSON.stringify(state, null, 2));
  let running: Promise<void> | null = null;

  /** Runs one occurrence; true when it is finished (ran, or given up on after its retries). */
  async function attempt(def: TimedJob, key: string, at: Date): Promise<boolean> {
    try {
      await options.invoke(def, payloadAt(def, at));
      delete state.failures[key];
      return true;
    } catch (error) {
      options.onError?.(def, error);
      const attempts = (state.failures[key] ?? 0) + 1;
      state.failures[key] = attempts;
      if (attempts < MAX_ATTEMPTS) return false;
      delete state.failures[key];
      state.deadLetters.push({ name: key, at: now().toISOString(), error: String(error) });
      return true;
    }
  }

  async function tick(): Promise<void> {
    for (const def of options.definitions()) {
      if (isRecurring(def)) {
        const period = localPeriodMs(def);
        const slot = new Date(Math.floor(now().getTime() / period) * period);
        const slotIso = slot.toISOString();
        if (state.lastSlot![def.name] === slotIso) continue;
        if (await attempt(def, `${def.name}@${slotIso}`, slot)) state.lastSlot![def.name] = slotIso;
        save();
        continue;
      }
      if (state.fired[def.name] || brusselsToInstant(def.at) > now()) continue;
      if (state.deadLetters.some((d) => d.name === def.name)) continue;
      if (await attempt(def, def.name, brusselsToInstant(def.at))) {
        if (!state.deadLetters.some((d) => d.name === def.name)) state.fired[def.name] = now().toISOString();
      }
      save();
    }
  }

  let timer: NodeJS.Timeout | undefined;
  return {
    /** One pass over the schedules; concurrent calls share the pass in flight. */
    tick: () => {
      running ??= tick().finally(() => {
        running = null;
      });
      return running;
    },
    start(intervalMs = 15_000) {
      timer = setInterval(() => void this.tick(), intervalMs);
      timer.unref();
      void this.tick();
    },
    async stop() {
      if (timer) clearInterval(timer);
      await running;
    },
    state: () => structuredClone(state),
  };
}
