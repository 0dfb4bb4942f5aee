import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { brusselsToInstant } from '#kernel/time';
import { SCHEDULED_TIME, type ScheduleDef } from '#school-year/schedules';

interface SchedulerState {
  fired: Record<string, string>;
  failures: Record<string, number>;
  deadLetters: { name: string; at: string; error: string }[];
  /** Recurring schedules: the last slot (ISO) that ran or was given up on. */
  lastSlot?: Record<string, string>;
}

const MAX_ATTEMPTS = 3; // as the deployed schedules' retry policy before the dead-letter queue

/** The payload as Scheduler delivers it: its context attribute replaced by the run's time. */
function payloadAt(def: ScheduleDef, at: Date): Record<string, unknown> {
  return JSON.parse(JSON.stringify(def.payload).replaceAll(SCHEDULED_TIME, at.toISOString()));
}

/**
 * Runs the school year's schedules as EventBridge Scheduler does: a one-time schedule once its
 * Brussels time has passed, a recurring one once per slot (with the slot's time in its payload),
 * each with retries and then a dead letter. It remembers what ran in a state file, so a restart
 * neither repeats nor forgets. The clock is an option, so tests can move it.
 */
export function createLocalScheduler(options: {
  definitions: () => ScheduleDef[];
  stateFile: string;
  invoke: (def: ScheduleDef, payload: Record<string, unknown>) => Promise<void>;
  now?: () => Date;
  onError?: (def: ScheduleDef, error: unknown) => void;
}) {
  const now = options.now ?? (() => new Date());
  const state: SchedulerState = existsSync(options.stateFile)
    ? JSON.parse(readFileSync(options.stateFile, 'utf8'))
    : { fired: {}, failures: {}, deadLetters: [] };
  state.lastSlot ??= {};
  const save = () => writeFileSync(options.stateFile, JSON.stringify(state, null, 2));
  let running: Promise<void> | null = null;

  /** Runs one occurrence; true when it is finished (ran, or given up on after its retries). */
  async function attempt(def: ScheduleDef, key: string, at: Date): Promise<boolean> {
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
      if ('everyMinutes' in def) {
        const period = def.everyMinutes * 60_000;
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
