import { describe, expect, it } from 'vitest';
import { actingFor, type MembershipLookup } from '#http/memberships';
import { payloadAt } from '#local/recurring';
import { recurringSchedulesFor } from '#school-year/schedules';

const identity = { userId: 'p1', organisationId: 'svc-a', role: 'service' as const };
const lookup = (
  grants: Record<string, { role: 'service' | 'school'; active: boolean }>,
): MembershipLookup => ({
  find: async (_person, org) => grants[org] ?? null,
});

describe('acting for an organisation', () => {
  it('is the own organisation without a header or with the own id', async () => {
    expect(await actingFor(identity, undefined)).toEqual({ organisationId: 'svc-a', role: 'service' });
    expect(await actingFor(identity, { organisationId: 'svc-a', memberships: lookup({}) })).toEqual({
      organisationId: 'svc-a',
      role: 'service',
    });
  });

  it('is another organisation only through an active membership, with that organisation’s role', async () => {
    const memberships = lookup({
      'svc-b': { role: 'service', active: true },
      'svc-c': { role: 'service', active: false },
    });
    expect(await actingFor(identity, { organisationId: 'svc-b', memberships })).toEqual({
      organisationId: 'svc-b',
      role: 'service',
    });
    await expect(actingFor(identity, { organisationId: 'svc-c', memberships })).rejects.toMatchObject({
      status: 403,
    });
    await expect(actingFor(identity, { organisationId: 'svc-x', memberships })).rejects.toMatchObject({
      status: 403,
    });
  });
});

describe('recurring schedules', () => {
  it('hand the escalation job the scheduled time, as EventBridge Scheduler fills it in', () => {
    const def = recurringSchedulesFor('2026-2027').find((d) => d.name === 'escalations-hourly');
    expect(def?.target).toBe('escalations');
    expect(payloadAt(def!, new Date('2027-04-01T06:05:00Z'))).toEqual({
      scheduledTime: '2027-04-01T06:05:00.000Z',
    });
  });
});
