import type { LambdaClient } from '@aws-sdk/client-lambda';
import { describe, expect, it } from 'vitest';
import { warmWindowAt, warmWindows } from '#school-year/warm-up';
import { applyWarmUp, warmTargetOf } from '#school-year/warm-up-action';

const round = (id: string, opensAt: string) => ({ id, opensAt });
const brussels = (wall: string) => new Date(`${wall}+02:00`);

/** Lambda's provisioned concurrency on one alias, as the three commands see it. */
function fakeLambda() {
  let provisioned: number | null = null;
  const calls: string[] = [];
  const client = {
    async send(command: { constructor: { name: string }; input: Record<string, unknown> }) {
      const name = command.constructor.name.replace(/Command$/, '');
      calls.push(name);
      if (name === 'GetProvisionedConcurrencyConfig') {
        if (provisioned === null)
          throw Object.assign(new Error('none'), { name: 'ProvisionedConcurrencyConfigNotFoundException' });
        return { RequestedProvisionedConcurrentExecutions: provisioned };
      }
      if (name === 'PutProvisionedConcurrencyConfig')
        provisioned = command.input.ProvisionedConcurrentExecutions as number;
      if (name === 'DeleteProvisionedConcurrencyConfig') provisioned = null;
      return {};
    },
  };
  return { client: client as unknown as Pick<LambdaClient, 'send'>, calls, provisioned: () => provisioned };
}

const target = { functionName: 'requests', alias: 'live', concurrency: 10 };

describe('warm instances at the openings', () => {
  it('from ten minutes before an opening until the rush is over, merged where openings are close', () => {
    const windows = warmWindows([
      round('7-preferred', '2026-09-04T12:00'),
      round('3-all', '2026-09-18T12:00'),
      round('7-all', '2026-09-18T12:30'),
    ]);
    expect(windows).toEqual([
      { from: brussels('2026-09-04T11:50'), to: brussels('2026-09-04T12:45'), rounds: ['7-preferred'] },
      { from: brussels('2026-09-18T11:50'), to: brussels('2026-09-18T13:15'), rounds: ['3-all', '7-all'] },
    ]);
    // Brussels wall clock across the DST change: 12:00 in November is 11:00 UTC.
    expect(warmWindows([round('adult', '2026-11-15T12:00')])[0]!.from).toEqual(
      new Date('2026-11-15T10:50:00Z'),
    );
  });

  it('moving an opening in the calendar moves the warm-up', () => {
    const before = [round('7-preferred', '2026-09-04T12:00')];
    const after = [round('7-preferred', '2026-09-07T09:00')];
    const at = brussels('2026-09-04T11:55');
    expect(warmWindowAt(before, at)).not.toBeNull();
    expect(warmWindowAt(after, at)).toBeNull();
    expect(warmWindowAt(after, brussels('2026-09-07T08:52'))?.rounds).toEqual(['7-preferred']);
    expect(warmWindowAt(after, brussels('2026-09-07T09:45'))).toBeNull();
  });

  it('each tick sets the alias warm inside a window and removes it after, changing only what differs', async () => {
    const lambda = fakeLambda();
    const tick = (wall: string, rounds = [round('7-preferred', '2026-09-04T12:00')]) =>
      applyWarmUp({ rounds, now: brussels(wall), target, lambda: lambda.client });
    expect(await tick('2026-09-04T11:40')).toBe('unchanged');
    expect(await tick('2026-09-04T11:51')).toBe('set');
    expect(lambda.provisioned()).toBe(10);
    expect(await tick('2026-09-04T11:52')).toBe('unchanged');
    expect(await tick('2026-09-04T12:46')).toBe('removed');
    expect(lambda.provisioned()).toBeNull();
    expect(await tick('2026-09-04T12:47')).toBe('unchanged');
    // The admin moves the opening to 14:00: the next tick at 13:51 warms up again.
    expect(await tick('2026-09-04T13:51', [round('7-preferred', '2026-09-04T14:00')])).toBe('set');
    expect(lambda.calls.filter((c) => c !== 'GetProvisionedConcurrencyConfig')).toEqual([
      'PutProvisionedConcurrencyConfig',
      'DeleteProvisionedConcurrencyConfig',
      'PutProvisionedConcurrencyConfig',
    ]);
  });

  it('does nothing without a target from the deploy (the local stack)', () => {
    expect(warmTargetOf({})).toBeNull();
    expect(warmTargetOf({ WARM_FUNCTION_NAME: 'f', WARM_ALIAS: 'live', WARM_CONCURRENCY: '0' })).toBeNull();
    expect(warmTargetOf({ WARM_FUNCTION_NAME: 'f', WARM_ALIAS: 'live', WARM_CONCURRENCY: '5' })).toEqual({
      functionName: 'f',
      alias: 'live',
      concurrency: 5,
    });
  });
});
