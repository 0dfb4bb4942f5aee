import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { lambdaContext } from '#local/apigw-event';
import { createLocalScheduler } from '#local/scheduler';
import { runMailings } from '#mailings/run';
import type { Mailer } from '#platform/mailer';
import { sesMailer } from '#platform/mailer';
import { timedJobsFor } from '#school-year/schedules';
import { handler as notify } from '../../functions/notify/round-mailing';
import { call } from './helpers/api';
import { mailsTo } from './helpers/mailbox';
import { validStudent } from './helpers/students';
import { createTestUser, type TestUser } from './helpers/users';

let admin: TestUser;
let school: TestUser;
let serviceA: TestUser;
let serviceB: TestUser;
const as = (u: TestUser) => ({ token: u.accessToken });
const created: string[] = [];

/** Adult-education windows far from the shipped ones (and each other), so no other test sees them. */
let windowYear = 2040;
function adultRound(overrides: Record<string, unknown> = {}) {
  const y = windowYear++;
  return {
    track: 'adult',
    kind: 'all',
    name: `Testvenster ${y} ${Math.random().toString(36).slice(2, 7)}`,
    opensAt: `${y - 1}-05-04T12:00`,
    closesAt: `${y - 1}-05-20T12:00`,
    staysOpen: false,
    internship: { from: `${y}-01-01`, to: `${y}-03-31` },
    ...overrides,
  };
}

async function createRound(body: Record<string, unknown>) {
  const res = await call('POST', '/school-year/rounds', { ...as(admin), body });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  created.push(res.body.id);
  return res.body as { id: string; name: string; opensAt: string; closesAt: string };
}

/** Brussels wall-clock `YYYY-MM-DDTHH:mm` → the instant; these tests use winter-time dates (+01:00) only. */
const winter = (wall: string, plusSeconds = 0) =>
  new Date(Date.parse(`${wall}:00+01:00`) + plusSeconds * 1000);
const summer = (wall: string, plusSeconds = 0) =>
  new Date(Date.parse(`${wall}:00+02:00`) + plusSeconds * 1000);

const subjects = async (u: TestUser, containing: string) =>
  (await mailsTo(u.email)).map((m) => m.subject).filter((s) => s.includes(containing));

beforeAll(async () => {
  [admin, school, serviceA, serviceB] = await Promise.all([
    createTestUser({ role: 'admin' }),
    createTestUser({ role: 'school' }),
    createTestUser({ role: 'service' }),
    createTestUser({ role: 'service' }),
  ]);
  await call('PATCH', `/organisations/${school.organisation.id}`, {
    ...as(admin),
    body: { tracks: ['secondary', 'adult'] },
  });
});

afterAll(async () => {
  for (const id of created) await call('DELETE', `/school-year/rounds/${id}`, as(admin));
});

describe('the school year API', () => {
  it('shows the shipped rounds with their state to every role', async () => {
    const res = await call('GET', '/school-year', as(school));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ schoolYear: '2026-2027', timeZone: 'Europe/Brussels' });
    expect(res.body.blackout).toEqual({
      from: '2026-06-30T12:00',
      to: '2026-08-15T12:00',
      visibleFrom: '2026-09-19T00:00',
      // The 2026-2027 manual puts the blackout in the 7th-year row only.
      programmes: ['seventh_year'],
    });
    const preferred = res.body.rounds.find((r: { id: string }) => r.id === 'secondary-7-preferred');
    expect(preferred).toMatchObject({ opensAt: '2026-09-04T12:00', closesAt: '2026-09-18T12:00' });
    expect(['upcoming', 'open', 'closed']).toContain(preferred.state);
    expect((await call('GET', '/school-year')).status).toBe(401);
  });

  it('lets the admin add, edit and delete a round; others may not', async () => {
    const round = await createRound(adultRound());
    const edited = await call('PUT', `/school-year/rounds/${round.id}`, {
      ...as(admin),
      body: { name: 'Hernoemd venster', closesAt: round.closesAt.replace('-20T', '-21T') },
    });
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);
    expect(edited.body).toMatchObject({ name: 'Hernoemd venster', opensAt: round.opensAt });
    const listed = await call('GET', '/school-year', as(serviceA));
    expect(listed.body.rounds).toContainEqual(
      expect.objectContaining({ id: round.id, name: 'Hernoemd venster' }),
    );
    expect((await call('POST', '/school-year/rounds', { ...as(school), body: adultRound() })).status).toBe(
      403,
    );
    expect((await call('DELETE', `/school-year/rounds/${round.id}`, as(admin))).status).toBe(204);
    expect((await call('DELETE', `/school-year/rounds/${round.id}`, as(admin))).status).toBe(404);
  });

  it('refuses a close before the open (400) and an overlap within one scope (409), with the field', async () => {
    const bad = await call('POST', '/school-year/rounds', {
      ...as(admin),
      body: adultRound({ opensAt: '2039-05-04T12:00', closesAt: '2039-05-04T11:00' }),
    });
    expect(bad.status).toBe(400);
    expect(bad.body.details).toEqual([expect.objectContaining({ path: 'closesAt', in: 'body' })]);
    const body = adultRound();
    await createRound(body);
    const overlap = await call('PUT', '/school-year/rounds/secondary-7-all', {
      ...as(admin),
      body: { opensAt: '2026-09-10T12:00' },
    });
    expect(overlap.status).toBe(409);
    expect(overlap.body.details).toEqual([expect.objectContaining({ path: 'opensAt' })]);
    const twice = await call('POST', '/school-year/rounds', {
      ...as(admin),
      body: { ...body, name: 'Dubbel' },
    });
    expect(twice.status).toBe(409);
    expect(twice.body.details).toEqual([expect.objectContaining({ path: 'opensAt' })]);
  });

  it('the tracks list shows each scope, its phase, the next change and whether an override holds', async () => {
    const res = await call('GET', '/tracks', as(admin));
    expect(res.status).toBe(200);
    const secondary = res.body.items.find((t: { track: string }) => t.track === 'secondary');
    expect(secondary.scopes.map((s: { key: string }) => s.key)).toEqual([
      'secondary:seventh_year',
      'secondary:third_grade',
    ]);
    expect(secondary).toHaveProperty('override');
  });
});

describe('the iCalendar feed', () => {
  it('is public, parses, and has every round in Brussels time with a stable UID and a reminder', async () => {
    const url = `${inject('stack').appUrl}/api/school-year/calendar.ics`;
    const [first, second] = await Promise.all([fetch(url), fetch(url)]);
    expect(first.status).toBe(200);
    expect(first.headers.get('content-type')).toMatch(/^text\/calendar/);
    const parse = async (res: Response) =>
      new ICAL.Component(ICAL.parse(await res.text()))
        .getAllSubcomponents('vevent')
        .map((v) => new ICAL.Event(v));
    const events = await parse(first);
    const again = await parse(second);
    const year = (await call('GET', '/school-year', as(admin))).body;
    expect(events.map((e) => e.uid).sort()).toEqual(again.map((e) => e.uid).sort());
    expect(events).toHaveLength(year.rounds.length);
    const preferred = events.find((e) => e.uid.startsWith('round-secondary-7-preferred@'))!;
    expect(preferred.summary).toBe('7de leerjaar: ronde voorkeursdienst');
    expect(preferred.component.getFirstProperty('dtstart')?.getParameter('tzid')).toBe('Europe/Brussels');
    expect(preferred.startDate.toString()).toBe('2026-09-04T12:00:00');
    // Resolved with the feed's own VTIMEZONE: 12:00 summer time is 10:00 UTC.
    expect(preferred.startDate.toJSDate().toISOString()).toBe('2026-09-04T10:00:00.000Z');
    const alarm = preferred.component.getFirstSubcomponent('valarm')!;
    expect(alarm.getFirstPropertyValue('trigger')?.toString()).toBe('-P1D');
  });
});

describe('round mailings', () => {
  it('the same tick delivered three times sends each opening mail once', async () => {
    const round = await createRound(adultRound());
    const at = summer(round.opensAt, 20).toISOString();
    for (let i = 0; i < 3; i++) await notify({ kind: 'tick', scheduledTime: at }, lambdaContext('notify'));
    for (const person of [serviceA, serviceB, school]) {
      expect(await subjects(person, round.name)).toEqual([`Ronde geopend: ${round.name}`]);
    }
    const text = (await mailsTo(serviceA.email)).find((m) => m.subject.includes(round.name))!.body.text!;
    expect(text).toContain('mei');
    expect(text).toMatch(/https?:\/\//);
    await notify(
      { kind: 'tick', scheduledTime: summer(round.closesAt, 5).toISOString() },
      lambdaContext('notify'),
    );
    expect(await subjects(serviceA, round.name)).toEqual([
      `Ronde geopend: ${round.name}`,
      `Ronde afgesloten: ${round.name}`,
    ]);
  });

  it('a person who also manages another service (a takeover) gets each opening mail once', async () => {
    const member = await createTestUser({ role: 'service' });
    const takeover = await call('POST', '/takeovers', {
      token: member.accessToken,
      body: { serviceId: serviceB.organisation.id },
    });
    expect(takeover.status, JSON.stringify(takeover.body)).toBe(201);
    expect((await call('POST', `/takeovers/${takeover.body.id}/approve`, as(serviceB))).status).toBe(200);
    // Their own account keeps the preference, also while acting for the other service.
    const acting = { token: member.accessToken, headers: { 'x-organisation': serviceB.organisation.id } };
    expect((await call('PUT', '/me/preferences', { ...acting, body: { reminders: false } })).status).toBe(
      200,
    );
    expect((await call('GET', '/me', acting)).body.preferences).toMatchObject({ reminders: false });
    expect((await call('GET', '/me', { token: member.accessToken })).body.preferences).toMatchObject({
      reminders: false,
    });

    const round = await createRound(adultRound());
    await notify(
      { kind: 'tick', scheduledTime: summer(round.opensAt, 20).toISOString() },
      lambdaContext('notify'),
    );
    expect(await subjects(member, round.name)).toEqual([`Ronde geopend: ${round.name}`]);
  });

  it('a failed send is retried on the next tick, and after three failures shown to the admin', async () => {
    const round = await createRound(adultRound());
    const now = summer(round.opensAt, 30);
    const failing: Mailer = {
      send: async (mail) => {
        if (mail.to.includes(serviceB.email)) throw new Error('SES: throttled');
        return sesMailer.send(mail);
      },
    };
    let flaky = true;
    const onceFailing: Mailer = {
      send: async (mail) => {
        if (mail.to.includes(serviceA.email) && flaky) {
          flaky = false;
          throw new Error('SES: timeout');
        }
        return failing.send(mail);
      },
    };
    await runMailings({ now, mailer: onceFailing });
    expect(await subjects(serviceA, round.name)).toEqual([]);
    await runMailings({ now: new Date(now.getTime() + 60_000), mailer: failing });
    expect(await subjects(serviceA, round.name)).toEqual([`Ronde geopend: ${round.name}`]);
    await runMailings({ now: new Date(now.getTime() + 120_000), mailer: failing });
    await runMailings({ now: new Date(now.getTime() + 180_000), mailer: failing }); // nothing left to try
    expect(await subjects(serviceB, round.name)).toEqual([]);
    const failures = await call('GET', '/admin/mail-failures', as(admin));
    expect(failures.status).toBe(200);
    // Other files block addresses of their own services meanwhile (bounces): only ours count here.
    const ours = new Set([serviceA.organisation.name, serviceB.organisation.name]);
    const mine = failures.body.items.filter(
      (f: { roundId: string; organisationName: string }) =>
        f.roundId === round.id && ours.has(f.organisationName),
    );
    expect(mine).toEqual([
      expect.objectContaining({
        moment: 'open',
        organisationName: serviceB.organisation.name,
        attempts: 3,
        lastError: 'SES: throttled',
      }),
    ]);
    expect(JSON.stringify(failures.body)).not.toContain(serviceB.email);
    expect((await call('GET', '/admin/mail-failures', as(school))).status).toBe(403);
  });

  it('"send the reminders now" tells each service its own open count; opting out stops reminders only', async () => {
    // A window open now, for first periods in a range no other test uses.
    const start = new Date(Date.now() - 3600_000);
    const wall = (d: Date) =>
      new Intl.DateTimeFormat('sv-SE', {
        timeZone: 'Europe/Brussels',
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
      })
        .format(d)
        .replace(' ', 'T');
    const round = await createRound(
      adultRound({ opensAt: wall(start), closesAt: wall(new Date(Date.now() + 5 * 86_400_000)) }),
    );
    const rounds = (await call('GET', '/school-year', as(admin))).body.rounds;
    const range = rounds.find((r: { id: string }) => r.id === round.id).internship;
    const sup = await call('POST', '/supervisors', {
      ...as(school),
      body: { name: 'Begeleider Bea', phone: '050 12 34 56', email: 'bea@school.example' },
    });
    const ids: string[] = [];
    for (let i = 0; i < 2; i++) {
      const res = await call('POST', '/students', {
        ...as(school),
        body: validStudent(sup.body.id, {
          track: 'adult',
          internship: {
            supervisorId: sup.body.id,
            form: 'block',
            hoursPerWeek: 19,
            totalHours: 80,
            periods: [{ start: range.from, end: range.to }],
            remarks: '',
          },
        }),
      });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      ids.push(res.body.id);
    }
    // Service A decided on one of them already; service B on none.
    const decided = await call('PUT', `/requests/${ids[0]}/decision`, {
      ...as(serviceA),
      body: { status: 'not_accepted' },
    });
    expect(decided.status, JSON.stringify(decided.body)).toBe(200);
    const optOut = await createTestUser({ organisation: serviceB.organisation });
    expect((await call('PUT', '/me/preferences', { ...as(optOut), body: { reminders: false } })).status).toBe(
      200,
    );
    expect((await call('GET', '/me', as(optOut))).body.preferences).toEqual({
      reminders: false,
      news: { accepted: true, invited: true, outcome: true, ended: true },
    });

    const queued = await call('POST', `/school-year/rounds/${round.id}/reminders`, as(admin));
    expect(queued.status).toBe(202);
    await runMailings({ now: new Date(), mailer: sesMailer });
    await runMailings({ now: new Date(), mailer: sesMailer });

    expect(await subjects(serviceA, `Herinnering`)).toContain(
      `Herinnering: nog 1 stagevraag in ${round.name}`,
    );
    expect(await subjects(serviceB, `Herinnering`)).toContain(
      `Herinnering: nog 2 stagevragen in ${round.name}`,
    );
    expect(await subjects(optOut, 'Herinnering')).toEqual([]);
    // The opening mail goes to everyone, reminders or not.
    expect(await subjects(optOut, round.name)).toEqual([`Ronde geopend: ${round.name}`]);
    expect(await subjects(school, 'Herinnering')).toEqual([]);
  });

  it('a calendar edit re-plans the local scheduler running the same schedule definitions', async () => {
    const round = await createRound(adultRound());
    let clock = winter('2060-01-01T00:00');
    const scheduler = createLocalScheduler({
      // The year's own definitions; this test invokes only the mailings (the escalations have theirs).
      definitions: () => timedJobsFor('2026-2027').filter((d) => d.target === 'notify'),
      stateFile: join(mkdtempSync(join(tmpdir(), 'sched-it-')), 'state.json'),
      invoke: async (_def, payload) => void (await notify(payload, lambdaContext('notify'))),
      now: () => clock,
    });
    // The admin moves the round to open on 1 Feb 2039 12:00 (winter time) instead.
    const moved = await call('PUT', `/school-year/rounds/${round.id}`, {
      ...as(admin),
      body: { opensAt: '2039-02-01T12:00' },
    });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    clock = winter('2039-02-01T12:00', -1);
    await scheduler.tick();
    expect(await subjects(serviceA, round.name)).toEqual([]);
    clock = winter('2039-02-01T12:00');
    await scheduler.tick();
    expect(await subjects(serviceA, round.name)).toEqual([`Ronde geopend: ${round.name}`]);
    // The old opening moment passes without a second mail.
    clock = summer(round.opensAt);
    await scheduler.tick();
    expect(await subjects(serviceA, round.name)).toEqual([`Ronde geopend: ${round.name}`]);
    expect(scheduler.state().deadLetters).toEqual([]);
  });
});
