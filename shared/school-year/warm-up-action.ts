import {
  DeleteProvisionedConcurrencyConfigCommand,
  GetProvisionedConcurrencyConfigCommand,
  type LambdaClient,
  PutProvisionedConcurrencyConfigCommand,
} from '@aws-sdk/client-lambda';
import type { Round } from '#contract/school-year';
import { loadCalendar } from './store';
import { WARM_UP, type WarmUpTiming, warmWindowAt } from './warm-up';

/** The hot-path function's alias whose provisioned concurrency the tick sets and removes. */
export interface WarmTarget {
  functionName: string;
  alias: string;
  /** Instances to keep warm during a window: a deploy parameter. */
  concurrency: number;
}

export type WarmUpOutcome = 'set' | 'removed' | 'unchanged';

/** Lambda's answer when the alias has no provisioned concurrency. */
const NOT_FOUND = 'ProvisionedConcurrencyConfigNotFoundException';

/**
 * What a scheduler tick does for the openings: inside a window of the calendar (`warmWindowAt`),
 * the alias gets `concurrency` provisioned instances; outside, none. Idempotent: it reads what is
 * set and changes only what differs, so every tick may run it, late or twice.
 */
export async function applyWarmUp(options: {
  rounds: readonly Pick<Round, 'id' | 'opensAt'>[];
  now: Date;
  target: WarmTarget;
  lambda: Pick<LambdaClient, 'send'>;
  timing?: WarmUpTiming;
}): Promise<WarmUpOutcome> {
  const { rounds, now, target, lambda } = options;
  const wanted = warmWindowAt(rounds, now, options.timing ?? WARM_UP) ? target.concurrency : 0;
  const where = { FunctionName: target.functionName, Qualifier: target.alias };
  const current = await lambda.send(new GetProvisionedConcurrencyConfigCommand(where)).then(
    (config) => config.RequestedProvisionedConcurrentExecutions ?? 0,
    (error: Error) => {
      if (error.name === NOT_FOUND) return 0;
      throw error;
    },
  );
  if (current === wanted) return 'unchanged';
  if (wanted > 0) {
    await lambda.send(
      new PutProvisionedConcurrencyConfigCommand({ ...where, ProvisionedConcurrentExecutions: wanted }),
    );
    return 'set';
  }
  await lambda.send(new DeleteProvisionedConcurrencyConfigCommand(where)).catch((error: Error) => {
    if (error.name !== NOT_FOUND) throw error;
  });
  return 'removed';
}

/**
 * The tick's part for the openings, from the stored calendar (so an edit counts at the next tick).
 * The target comes from the deploy (`infra/lib/warm-up.ts` sets `WARM_FUNCTION_NAME`, `WARM_ALIAS`
 * and `WARM_CONCURRENCY` on the tick's function); without it, nothing to do (the local stack).
 */
export async function warmUpTick(now: Date, lambda: Pick<LambdaClient, 'send'>, env = process.env) {
  const target = warmTargetOf(env);
  if (!target) return null;
  const { rounds } = await loadCalendar();
  return applyWarmUp({ rounds, now, target, lambda });
}

export function warmTargetOf(env: Record<string, string | undefined>): WarmTarget | null {
  const concurrency = Number(env.WARM_CONCURRENCY);
  if (!env.WARM_FUNCTION_NAME || !env.WARM_ALIAS || !Number.isInteger(concurrency) || concurrency < 1)
    return null;
  return { functionName: env.WARM_FUNCTION_NAME, alias: env.WARM_ALIAS, concurrency };
}
