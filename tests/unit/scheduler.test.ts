import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createLocalScheduler, localPeriodMs } from '#local/scheduler';
import {
  type RecurringScheduleDef,
  recurringSchedulesFor,
  SCHEDULED_TIME,
  type ScheduleDef,
  type TimedJob,
} from '#school-year/schedules';

const defs: ScheduleDef[] = [
  {
    name: 'secondary-preferred-open',
    at: '2026-09-04T12:00:00',
    target: 'notify',
    payload: { kind: 'round-open' },
  },
  {
    name: 'secondary-preferred-close',
    at: '2026-09-18T12:00:00',
    target: 'notify',
    payload: { kind: 'round-close' },
  },
];

function setup(nowIso: string, invoke: (d: TimedJob) => Promise<void>, stateFile?: string) {
  let now = new Date(nowIso);
  const file = stateFile ?? join(mkdtempSync(join(tmpdir(), 'sched-')), 'state.json');
  const scheduler = createLocalScheduler({
    definitions: () => defs,
    stateFile: file,
    invoke,
    now: () => now,
  });
  return { scheduler, file, setNow: (iso: string) => (now = new Date(iso)) };
}

describe('local scheduler', () => {
  it('fires a schedule once its Brussels time has passed, and only once', async () => {
    const fired: string[] = [];
    const { scheduler, setNow } = setup('2026-09-04T09:59:00Z', async (d) => void fired.push(d.name));
    await scheduler.tick();
    expect(fired).toEqual([]); // 11:59 in Brussels
    setNow('2026-09-04T10:00:00Z');
    await scheduler.tick();
    await scheduler.tick();
    expect(fired).toEqual(['secondary-preferred-open']);
  });

  it('remembers what fired across a restart', async () => {
    const fired: string[] = [];
    const first = setup('2026-09-05T00:00:00Z', async (d) => void fired.push(d.name));
    await first.scheduler.tick();
    const second = setup('2026-09-19T00:00:00Z', async (d) => void fired.push(d.name), first.file);
    await second.scheduler.tick();
    expect(fired).toEqual(['secondary-preferred-open', 'secondary-preferred-close']);
  });

  it('retries a failing target and parks it as a dead letter after three attempts', async () => {
    let attempts = 0;
    const { scheduler } = setup('2026-09-05T00:00:00Z', async () => {
      attempts++;
      throw new Error('mail down');
    });
    for (let i = 0; i < 5; i++) await scheduler.tick();
    expect(attempts).toBe(3);
    expect(scheduler.state().deadLetters).toEqual([
      expect.objectContaining({ name: 'secondary-preferred-open' }),
    ]);
  });
});

describe('local scheduler: a recurring schedule (the mailings tick)', () => {
  const tick: RecurringScheduleDef = {
    name: 'round-mailings-tick',
    expression: 'rate(1 minute)',
    target: 'notify',
    payload: { kind: 'tick', scheduledTime: SCHEDULED_TIME },
  };

  function recurring(invoke: (payload: Record<string, unknown>) => Promise<void>) {
    let now = new Date('2026-09-04T10:00:20Z');
    const scheduler = createLocalScheduler({
      definitions: () => [tick],
      stateFile: join(mkdtempSync(join(tmpdir(), 'sched-')), 'state.json'),
      invoke: (_def, payload) => invoke(payload),
      now: () => now,
    });
    return { scheduler, setNow: (iso: string) => (now = new Date(iso)) };
  }

  it('runs once per minute slot, with the slot time in place of the Scheduler context attribute', async () => {
    const payloads: Record<string, unknown>[] = [];
    const { scheduler, setNow } = recurring(async (p) => void payloads.push(p));
    await scheduler.tick();
    await scheduler.tick();
    setNow('2026-09-04T10:01:05Z');
    await scheduler.tick();
    expect(payloads).toEqual([
      { kind: 'tick', scheduledTime: '2026-09-04T10:00:00.000Z' },
      { kind: 'tick', scheduledTime: '2026-09-04T10:01:00.000Z' },
    ]);
  });

  it('retries a failing slot, parks it after three attempts, and goes on with the next slot', async () => {
    const seen: unknown[] = [];
    const { scheduler, setNow } = recurring(async (p) => {
      seen.push(p.scheduledTime);
      if (p.scheduledTime === '2026-09-04T10:00:00.000Z') throw new Error('mail down');
    });
    for (let i = 0; i < 4; i++) await scheduler.tick();
    setNow('2026-09-04T10:01:00Z');
    await scheduler.tick();
    expect(seen).toEqual([
      '2026-09-04T10:00:00.000Z',
      '2026-09-04T10:00:00.000Z',
      '2026-09-04T10:00:00.000Z',
      '2026-09-04T10:01:00.000Z',
    ]);
    expect(scheduler.state().deadLetters).toEqual([
      expect.objectContaining({ name: 'round-mailings-tick@2026-09-04T10:00:00.000Z' }),
    ]);
  });
});

describe("local scheduler: the year's recurring schedules, one mechanism", () => {
  it('runs the mailings tick, the escalations, the outcome reminders and the retention run, each once per minute slot', async () => {
    let now = new Date('2026-09-04T10:00:20Z');
    const runs: string[] = [];
    const scheduler = createLocalScheduler({
      definitions: () => recurringSchedulesFor('2026-2027'),
      stateFile: join(mkdtempSync(join(tmpdir(), 'sched-')), 'state.json'),
      invoke: async (def, payload) => void runs.push(`${def.target} ${JSON.stringify(payload)}`),
      now: () => now,
    });
    await scheduler.tick();
    await scheduler.tick();
    now = new Date('2026-09-04T10:01:00Z');
    await scheduler.tick();
    expect(runs).toEqual([
      'notify {"kind":"tick","scheduledTime":"2026-09-04T10:00:00.000Z"}',
      'escalations {"scheduledTime":"2026-09-04T10:00:00.000Z"}',
      'outcome-reminders {"scheduledTime":"2026-09-04T10:00:00.000Z"}',
      'retention {"scheduledTime":"2026-09-04T10:00:00.000Z"}',
      'notify {"kind":"tick","scheduledTime":"2026-09-04T10:01:00.000Z"}',
      'escalations {"scheduledTime":"2026-09-04T10:01:00.000Z"}',
      'outcome-reminders {"scheduledTime":"2026-09-04T10:01:00.000Z"}',
      'retention {"scheduledTime":"2026-09-04T10:01:00.000Z"}',
    ]);
  });

  it('takes a rate as its period and runs a cron once a minute', () => {
    const def = (expression: string) => ({ name: 'x', expression, target: 'notify' as const, payload: {} });
    expect(localPeriodMs(def('rate(1 minute)'))).toBe(60_000);
    expect(localPeriodMs(def('rate(5 minutes)'))).toBe(300_000);
    expect(localPeriodMs(def('rate(2 hours)'))).toBe(7_200_000);
    expect(localPeriodMs(def('cron(5 * * * ? *)'))).toBe(60_000);
  });
});
