import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { brusselsToInstant } from '#kernel/time';
import type { ScheduleDef } from '#school-year/schedules';

interface SchedulerState {
  fired: Record<string, string>;
  failures: Record<string, number>;
  deadLetters: { name: string; at: string; error: string }[];
}

const MAX_ATTEMPTS = 3; // as the deployed schedules' retry policy before the dead-letter queue

/**
 * Runs one-time schedules when their moment has passed, at most once each, remembering what
 * fired in a state file so that a restart neither repeats nor forgets a mailing.
 */
export function createLocalScheduler(options: {
  definitions: () => ScheduleDef[];
  stateFile: string;
  invoke: (def: ScheduleDef) => Promise<void>;
  now?: () => Date;
  onError?: (def: ScheduleDef, error: unknown) => void;
}) {
  const now = options.now ?? (() => new Date());
  const state: SchedulerState = existsSync(options.stateFile)
    ? JSON.parse(readFileSync(options.stateFile, 'utf8'))
    : { fired: {}, failures: {}, deadLetters: [] };
  const save = () => writeFileSync(options.stateFile, JSON.stringify(state, null, 2));
  let running: Promise<void> | null = null;

  async function tick(): Promise<void> {
    for (const def of options.definitions()) {
      if (state.fired[def.name] || brusselsToInstant(def.at) > now()) continue;
      if (state.deadLetters.some((d) => d.name === def.name)) continue;
      try {
        await options.invoke(def);
        state.fired[def.name] = now().toISOString();
        delete state.failures[def.name];
      } catch (error) {
        options.onError?.(def, error);
        const attempts = (state.failures[def.name] ?? 0) + 1;
        state.failures[def.name] = attempts;
        if (attempts >= MAX_ATTEMPTS) {
          state.deadLetters.push({ name: def.name, at: now().toISOString(), error: String(error) });
        }
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
