import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DecisionStatus } from '#contract/requests';
import { brusselsDate } from '#kernel/time';
import { contacts } from '#people/contacts';
import { migrateMentors } from '#people/migrate';
import { dynamoClient } from '#platform/aws-clients/dynamodb';
import { settings } from '#platform/config';
import { keys } from '#platform/table/keys';
import { historyOf } from '#requests/decisions-store';
import { sendOutcomeReminders } from '#requests/outcome-reminders';
import { call } from './helpers/api';
import { mailsTo } from './helpers/mailbox';
import { nationalNumber, validStudent } from './helpers/students';
import { createTestOrganisation, createTestUser, type TestUser } from './helpers/users';

let admin: TestUser;
let school: TestUser;
let supervisorId: string;

const as = (u: TestUser) => ({ token: u.accessToken });
/** The calendar day before `day` (`YYYY-MM-DD`). */
const dayBefore = (day: string) =>
  new Date(Date.parse(`${day}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
type Sector = 'social_profit' | 'local_government';

async function dualService(sector: Sector = 'social_profit'): Promise<TestUser> {
  const org = await createTestOrganisation('service');
  const res = await call('PATCH', `/organisations/${org.id}`, { ...as(admin), body: { sector } });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return createTestUser({ organisation: { ...org, sector } });
}

async function mentor(service: TestUser, name = 'Mentor Mia'): Promise<string> {
  const res = await call('POST', '/contacts', {
    ...as(service),
    body: { name, phone: '050 11 22 33', email: 'mia@dienst.example' },
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.id;
}

async function enterDual(overrides: Record<string, unknown> = {}) {
  // Without a programme: that belongs to secondary students only.
  const base = validStudent(supervisorId, { track: 'dual' });
  const res = await call('POST', '/students', {
    ...as(school),
    body: {
      ...base,
      track: 'dual',
      internship: { ...base.internship, weekdays: ['monday', 'tuesday', 'thursday'] },
      ...overrides,
    },
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: string };
}

const decide = (service: TestUser, studentId: string, body: Record<string, unknown>) =>
  call('PUT', `/requests/${studentId}/decision`, { ...as(service), body });

beforeAll(async () => {
  [admin, school] = await Promise.all([
    createTestUser({ role: 'admin' }),
    createTestUser({ role: 'school' }),
  ]);
  const patched = await call('PATCH', `/organisations/${school.organisation.id}`, {
    ...as(admin),
    body: { tracks: ['dual', 'secondary', 'adult'] },
  });
  expect(patched.status).toBe(200);
  const sup = await call('POST', '/supervisors', {
    ...as(school),
    body: { name: 'Begeleider Bert', phone: '050 12 34 56', email: 'bert@school.example' },
  });
  supervisorId = sup.body.id;
  for (const track of ['dual', 'adult']) {
    const res = await call('PUT', `/tracks/${track}/phase`, { ...as(admin), body: { phase: 'all' } });
    expect(res.status).toBe(200);
  }
});

describe('the invite workflow', () => {
  /** How to bring a service to each state, and what each target then answers. */
  const PATHS: Record<string, DecisionStatus[]> = {
    'undecided, never invited': [],
    'not_invited, never invited': ['not_invited'],
    invited: ['invited'],
    'undecided after an invitation': ['invited', 'undecided'],
    not_accepted: ['invited', 'not_accepted'],
    no_show: ['invited', 'no_show'],
    accepted: ['invited', 'accepted'],
  };
  const before = {
    undecided: 200,
    invited: 200,
    not_invited: 200,
    accepted: 422,
    not_accepted: 422,
    no_show: 422,
  };
  const after = {
    undecided: 200,
    invited: 200,
    not_invited: 422,
    accepted: 200,
    not_accepted: 200,
    no_show: 200,
  };
  const final = {
    undecided: 409,
    invited: 409,
    not_invited: 409,
    accepted: 409,
    not_accepted: 409,
    no_show: 409,
  };
  const EXPECTED: Record<string, Record<DecisionStatus, number>> = {
    'undecided, never invited': before,
    'not_invited, never invited': before,
    invited: after,
    'undecided after an invitation': after,
    not_accepted: after,
    no_show: after,
    accepted: final,
  };

  it('answers every allowed and refused transition as the rules say, with a Dutch reason', async () => {
    const service = await dualService('local_government');
    const body = async (status: DecisionStatus) =>
      status === 'accepted'
        ? { status, contactId: await mentor(service), notes: 'Start in oktober.' }
        : { status };
    const cases = Object.entries(EXPECTED).flatMap(([state, targets]) =>
      Object.entries(targets).map(([to, code]) => ({ state, to: to as DecisionStatus, code })),
    );
    await Promise.all(
      cases.map(async ({ state, to, code }) => {
        const s = await enterDual();
        for (const step of PATHS[state]!) {
          const res = await decide(service, s.id, await body(step));
          expect(res.status, `${state}: setting up ${step}: ${JSON.stringify(res.body)}`).toBe(200);
        }
        const res = await decide(service, s.id, await body(to));
        expect(res.status, `${state} → ${to}: ${JSON.stringify(res.body)}`).toBe(code);
        if (code === 422)
          expect(res.body).toMatchObject({
            error: 'BUSINESS_RULE',
            message: expect.stringMatching(/gesprek/),
          });
        if (code === 200) {
          expect(res.body.status).toBe(to);
          // The control offers what may follow now, and nothing else.
          expect(res.body.choices).not.toContain(to === 'accepted' ? 'undecided' : 'nothing');
        }
      }),
    );
  });

  it('refuses the statuses of the other workflow with a field error (400), changing nothing', async () => {
    const service = await dualService();
    const base = validStudent(supervisorId, { track: 'adult' });
    // The adult track (accept workflow) rather than secondary, whose phase other files change.
    const secondary = await call('POST', '/students', { ...as(school), body: { ...base, track: 'adult' } });
    expect(secondary.status, JSON.stringify(secondary.body)).toBe(201);
    for (const status of ['invited', 'not_invited', 'no_show']) {
      const res = await decide(service, secondary.body.id, { status });
      expect(res.status).toBe(400);
      expect(res.body.details).toEqual([
        { path: 'status', in: 'body', message: expect.stringMatching(/duaal leren/) },
      ]);
    }
    expect((await call('GET', `/requests/${secondary.body.id}`, as(service))).body.status).toBe('undecided');
  });
});

describe('personal data of a dual student', () => {
  it('is absent before an invitation and present after it, whatever the outcome', async () => {
    const [inviter, other] = await Promise.all([dualService(), dualService()]);
    const number = nationalNumber();
    const s = await enterDual({
      nationalNumber: number,
      email: 'duaal.uniek@leerling.example',
      phone: '0498 76 54 32',
      address: { street: 'Duaalsteeg 9', postcode: '8000', city: 'Brugge' },
    });
    const formatted = `${number.slice(0, 2)}.${number.slice(2, 4)}.${number.slice(4, 6)}-${number.slice(6, 9)}.${number.slice(9)}`;
    const secrets = [
      formatted,
      'duaal.uniek@leerling.example',
      '0498 76 54 32',
      'bert@school.example',
      'Duaalsteeg 9',
    ];
    const raw = async (service: TestUser) => {
      const res = await call('GET', `/requests/${s.id}`, as(service));
      expect(res.status).toBe(200);
      return JSON.stringify(res.body);
    };
    for (const service of [inviter, other]) {
      const text = await raw(service);
      for (const secret of [number, ...secrets]) expect(text).not.toContain(secret);
    }

    const invited = await decide(inviter, s.id, { status: 'invited' });
    expect(invited.status).toBe(200);
    expect(invited.body.personal).toMatchObject({
      email: 'duaal.uniek@leerling.example',
      phone: '0498 76 54 32',
      street: 'Duaalsteeg 9',
      supervisor: { name: 'Begeleider Bert', email: 'bert@school.example', phone: '050 12 34 56' },
    });
    expect(invited.body.personal.nationalNumber.replace(/\D/g, '')).toBe(number);
    expect(invited.body.weekdays).toEqual(['monday', 'tuesday', 'thursday']);

    expect((await decide(inviter, s.id, { status: 'not_accepted' })).status).toBe(200);
    for (const secret of secrets) expect(await raw(inviter)).toContain(secret);
    // The other service never invited: still nothing, and never in any list.
    for (const secret of secrets) expect(await raw(other)).not.toContain(secret);
    const list = await call(
      'GET',
      `/requests?track=dual&school=${encodeURIComponent(school.organisation.name)}`,
      as(inviter),
    );
    for (const secret of secrets) expect(JSON.stringify(list.body)).not.toContain(secret);
  });
});

describe('two services, one student', () => {
  it('both invite, the first accepts with a mentor, the second is told clearly; counts and the school agree', async () => {
    const [first, second] = await Promise.all([dualService(), dualService()]);
    const s = await enterDual();
    expect((await decide(first, s.id, { status: 'invited' })).status).toBe(200);
    expect((await decide(second, s.id, { status: 'invited' })).status).toBe(200);
    const contactId = await mentor(first, 'Mentor Mon');
    const accepted = await decide(first, s.id, {
      status: 'accepted',
      contactId,
      notes: 'Start op 1 oktober.',
    });
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
    expect(accepted.body.placement).toMatchObject({
      contact: { name: 'Mentor Mon' },
      notes: 'Start op 1 oktober.',
    });

    const late = await decide(second, s.id, {
      status: 'accepted',
      contactId: await mentor(second),
      notes: '',
    });
    expect(late.status).toBe(409);
    expect(late.body.message).toMatch(/andere dienst geplaatst/);

    const counts = await call('GET', `/admin/students/${s.id}`, as(admin));
    expect(counts.status).toBe(200);
    expect(counts.body.statusCounts).toEqual({
      undecided: 0,
      invited: 2,
      not_invited: 0,
      accepted: 1,
      not_accepted: 0,
      no_show: 0,
    });
    // The sector's detail: every service's current decision beside the history and the counts.
    expect(counts.body.decisions).toEqual([
      expect.objectContaining({
        serviceId: second.organisation.id,
        serviceName: second.organisation.name,
        status: 'invited',
        invitedAt: expect.any(String),
      }),
      expect.objectContaining({
        serviceId: first.organisation.id,
        serviceName: first.organisation.name,
        status: 'accepted',
        invitedAt: expect.any(String),
      }),
    ]);
    expect(counts.body.history.map((h: { status: string }) => h.status)).toEqual([
      'invited',
      'invited',
      'accepted',
    ]);
    expect(counts.body.placementDetail).toMatchObject({ contact: { name: 'Mentor Mon' } });
    // The sector's list reads the same counts item.
    const listed = await call(
      'GET',
      `/admin/students?track=dual&school=${encodeURIComponent(school.organisation.name)}&limit=200`,
      as(admin),
    );
    expect(listed.status).toBe(200);
    const row = listed.body.items.find((i: { id: string }) => i.id === s.id);
    expect(row.statusCounts).toEqual(counts.body.statusCounts);
    expect((await call('GET', `/admin/students/${s.id}`, as(school))).status).toBe(403);

    const schoolView = await call('GET', `/students/${s.id}`, as(school));
    expect(schoolView.body).toMatchObject({
      status: 'accepted',
      placement: {
        serviceName: first.organisation.name,
        contact: { name: 'Mentor Mon' },
        notes: 'Start op 1 oktober.',
      },
    });
    expect(schoolView.body.invitations).toEqual([
      expect.objectContaining({ serviceName: first.organisation.name, status: 'accepted' }),
      expect.objectContaining({ serviceName: second.organisation.name, status: 'invited' }),
    ]);

    const ours = await call('GET', '/requests?track=dual&tab=accepted', as(first));
    expect(ours.body.items.map((i: { id: string }) => i.id)).toContain(s.id);
    expect(ours.body.statusCounts).toMatchObject({ accepted: 1 });
  });
});

describe('counts', () => {
  it('stay exact after 50 concurrent status changes', async () => {
    const services: TestUser[] = [];
    for (let i = 0; i < 5; i++)
      services.push(...(await Promise.all(Array.from({ length: 10 }, () => dualService()))));
    const s = await enterDual();
    // Wave 1: 50 changes at once, 30 invitations and 20 "not invited".
    const wave1 = await Promise.all(
      services.map((svc, i) => decide(svc, s.id, { status: i < 30 ? 'invited' : 'not_invited' })),
    );
    expect(wave1.map((r) => r.status)).toEqual(services.map(() => 200));
    // Wave 2: 50 more at once: the invited record an outcome, the others invite after all.
    const wave2 = await Promise.all(
      services.map((svc, i) =>
        decide(svc, s.id, { status: i < 30 ? (i % 2 ? 'no_show' : 'not_accepted') : 'invited' }),
      ),
    );
    expect(wave2.map((r) => r.status)).toEqual(services.map(() => 200));

    const counts = (await call('GET', `/admin/students/${s.id}`, as(admin))).body.statusCounts;
    expect(counts).toEqual({
      undecided: 0,
      invited: 50,
      not_invited: 20,
      accepted: 0,
      not_accepted: 15,
      no_show: 15,
    });
    expect(await historyOf(s.id)).toHaveLength(100);
  });
});

describe('mentor capacity', () => {
  async function invitedStudents(service: TestUser, n: number) {
    const students = await Promise.all(Array.from({ length: n }, () => enterDual()));
    for (const s of students) expect((await decide(service, s.id, { status: 'invited' })).status).toBe(200);
    return students;
  }

  it('two acceptances for the last slot: one wins, one is refused naming the mentor and the limit; a stop frees the slot', async () => {
    const service = await dualService('social_profit');
    const contactId = await mentor(service, 'Mentor Marijke');
    const [a, b, c, d] = await invitedStudents(service, 4);
    expect((await decide(service, a!.id, { status: 'accepted', contactId, notes: '' })).status).toBe(200);

    const race = await Promise.all(
      [b!, c!].map((s) => decide(service, s.id, { status: 'accepted', contactId, notes: '' })),
    );
    expect(race.map((r) => r.status).sort()).toEqual([200, 422]);
    const refused = race.find((r) => r.status === 422)!;
    expect(refused.body.message).toMatch(/Mentor Marijke/);
    expect(refused.body.message).toMatch(/2 duaal lerenden/);
    expect(refused.body.details).toMatchObject({ mentor: 'Mentor Marijke', limit: 2 });

    const full = (await call('GET', '/contacts', as(service))).body.items[0];
    expect(full).toMatchObject({ name: 'Mentor Marijke', dualLearners: 2, capacity: 2, freeSlots: 0 });
    expect((await decide(service, d!.id, { status: 'accepted', contactId, notes: '' })).status).toBe(422);

    // The winner of the race stops: the slot is free again, in the same write.
    const winner = race.find((r) => r.status === 200)!.body.id as string;
    expect((await call('POST', `/students/${winner}/stop`, { ...as(school), body: {} })).status).toBe(200);
    expect((await call('GET', '/contacts', as(service))).body.items[0]).toMatchObject({
      dualLearners: 1,
      freeSlots: 1,
    });
    expect((await decide(service, d!.id, { status: 'accepted', contactId, notes: '' })).status).toBe(200);

    // Undoing the stop takes the slot back only if the mentor still has room: now they are full.
    const refusedResume = await call('POST', `/students/${winner}/resume`, { ...as(school), body: {} });
    expect(refusedResume.status).toBe(422);
    expect(refusedResume.body.message).toMatch(/Mentor Marijke begeleidt intussen al 2 duaal lerenden/);
    // d stops: a slot is free, and the winner's stop can be undone, taking it in the same write.
    expect((await call('POST', `/students/${d!.id}/stop`, { ...as(school), body: {} })).status).toBe(200);
    const resumed = await call('POST', `/students/${winner}/resume`, { ...as(school), body: {} });
    expect(resumed.status, JSON.stringify(resumed.body)).toBe(200);
    expect((await call('GET', '/contacts', as(service))).body.items[0]).toMatchObject({
      dualLearners: 2,
      freeSlots: 0,
    });
  });

  it("a learner whose training contract ended frees the mentor's slot; extending it takes the slot back only if there is room", async () => {
    const service = await dualService('social_profit');
    const contactId = await mentor(service, 'Mentor Machteld');
    const [a, b, c, d] = await invitedStudents(service, 4);
    const accept = (s: { id: string }) => decide(service, s.id, { status: 'accepted', contactId, notes: '' });
    const contract = (s: { id: string }, end: string) =>
      call('PUT', `/students/${s.id}/training-contract`, {
        ...as(service),
        body: { start: '2025-09-01', end },
      });
    const load = async () => (await call('GET', '/contacts', as(service))).body.items[0];
    const today = brusselsDate(new Date());
    const yesterday = dayBefore(today);
    const nextYear = `${Number(today.slice(0, 4)) + 1}${today.slice(4, 7)}-01`;

    expect((await accept(a!)).status).toBe(200);
    expect((await accept(b!)).status).toBe(200);
    expect((await accept(c!)).status).toBe(422);

    // A contract that ends today still counts today; one that ended yesterday no longer does.
    expect((await contract(b!, today)).status).toBe(200);
    expect(await load()).toMatchObject({ dualLearners: 2, freeSlots: 0 });
    const ended = await contract(a!, yesterday);
    expect(ended.status, JSON.stringify(ended.body)).toBe(200);
    const freed = await load();
    expect(freed).toMatchObject({ name: 'Mentor Machteld', dualLearners: 1, capacity: 2, freeSlots: 1 });
    // The page gets the counts, not the mentor's bookkeeping.
    expect(freed).not.toHaveProperty('learners');
    expect(freed).not.toHaveProperty('version');
    const accepted = await accept(c!);
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
    expect(await load()).toMatchObject({ dualLearners: 2, freeSlots: 0 });
    expect((await accept(d!)).status).toBe(422);

    // Extending the ended contract would take a slot again: refused while the mentor is full (422),
    // and nothing changes.
    const extended = await contract(a!, nextYear);
    expect(extended.status).toBe(422);
    expect(extended.body).toMatchObject({
      error: 'BUSINESS_RULE',
      message: expect.stringMatching(/Mentor Machteld begeleidt al 2 duaal lerenden/),
      details: { mentor: 'Mentor Machteld', limit: 2 },
    });
    const report = async () =>
      Object.fromEntries(
        (await call('GET', '/dual-report', as(service))).body.rows.map(
          (r: { studentId: string; contractEnd: string | null }) => [r.studentId, r.contractEnd],
        ),
      );
    expect((await report())[a!.id]).toBe(yesterday);
    expect(await load()).toMatchObject({ dualLearners: 2, freeSlots: 0 });

    // An ended learner who stops and comes back takes no slot, so a full mentor is no obstacle.
    expect((await call('POST', `/students/${a!.id}/stop`, { ...as(school), body: {} })).status).toBe(200);
    const resumed = await call('POST', `/students/${a!.id}/resume`, { ...as(school), body: {} });
    expect(resumed.status, JSON.stringify(resumed.body)).toBe(200);
    expect(await load()).toMatchObject({ dualLearners: 2, freeSlots: 0 });

    // Once c's contract ended too, a's can be extended: it takes the slot c left.
    expect((await contract(c!, yesterday)).status).toBe(200);
    const again = await contract(a!, nextYear);
    expect(again.status, JSON.stringify(again.body)).toBe(200);
    expect(await load()).toMatchObject({ dualLearners: 2, freeSlots: 0 });
    expect(await report()).toMatchObject({ [a!.id]: nextYear, [b!.id]: today, [c!.id]: yesterday });
    expect((await accept(d!)).status).toBe(422);
  });

  it('a mentor stored with a count of learners gets them with their contract end dates (migration)', async () => {
    const service = await dualService('social_profit');
    const contactId = await mentor(service, 'Mentor Mirte');
    const [a, b] = await invitedStudents(service, 2);
    for (const s of [a!, b!])
      expect((await decide(service, s.id, { status: 'accepted', contactId, notes: '' })).status).toBe(200);
    const yesterday = dayBefore(brusselsDate(new Date()));
    const ended = await call('PUT', `/students/${a!.id}/training-contract`, {
      ...as(service),
      body: { start: '2025-09-01', end: yesterday },
    });
    expect(ended.status).toBe(200);
    // As stored before mentors kept their learners: a count, which cannot tell that a contract ended.
    await dynamoClient().send(
      new UpdateCommand({
        TableName: settings.tableName(),
        Key: keys.contact(service.organisation.id, contactId),
        UpdateExpression: 'SET dualLearners = :two REMOVE learners, version',
        ExpressionAttributeValues: { ':two': 2 },
      }),
    );

    expect((await migrateMentors()).updated).toBeGreaterThanOrEqual(1);
    const migrated = await contacts.get(service.organisation.id, contactId);
    expect(migrated?.learners).toEqual({ [a!.id]: yesterday, [b!.id]: null });
    expect(migrated).not.toHaveProperty('dualLearners');
    expect((await call('GET', '/contacts', as(service))).body.items[0]).toMatchObject({
      dualLearners: 1,
      freeSlots: 1,
    });
    // Run again: nothing left to do for this mentor.
    await migrateMentors();
    expect((await contacts.get(service.organisation.id, contactId))?.version).toBe(migrated?.version);
  });

  it('a local-government mentor takes 3', async () => {
    const service = await dualService('local_government');
    const contactId = await mentor(service, 'Mentor Lotte');
    const students = await invitedStudents(service, 4);
    const codes = [];
    for (const s of students)
      codes.push((await decide(service, s.id, { status: 'accepted', contactId, notes: '' })).status);
    expect(codes).toEqual([200, 200, 200, 422]);
    expect((await call('GET', '/contacts', as(service))).body.items[0]).toMatchObject({
      dualLearners: 3,
      capacity: 3,
    });
  });
});

describe('to-dos', () => {
  it('an invitation without an outcome for more than 14 days shows up in the list', async () => {
    const service = await dualService();
    const [fresh, old] = [await enterDual(), await enterDual()];
    for (const s of [fresh, old])
      expect((await decide(service, s.id, { status: 'invited' })).status).toBe(200);
    await dynamoClient().send(
      new UpdateCommand({
        TableName: settings.tableName(),
        Key: keys.decision(old.id, service.organisation.id),
        UpdateExpression: 'SET decidedAt = :at',
        ExpressionAttributeValues: { ':at': new Date(Date.now() - 15 * 86_400_000).toISOString() },
      }),
    );
    const list = await call(
      'GET',
      `/requests?track=dual&school=${encodeURIComponent(school.organisation.name)}`,
      as(service),
    );
    const todo = Object.fromEntries(
      list.body.items.map((i: { id: string; todo: boolean }) => [i.id, i.todo]),
    );
    expect(todo[old.id]).toBe(true);
    expect(todo[fresh.id]).toBe(false);
    expect(list.body.todos).toBe(1);
    // The status control of an invited student offers the outcomes, and no longer "not invited".
    const row = list.body.items.find((i: { id: string }) => i.id === old.id);
    expect(row.choices).toEqual(['undecided', 'invited', 'accepted', 'not_accepted', 'no_show']);
    expect(list.body.statusCounts).toEqual({ invited: 2 });

    // The reminder job mails the service once, however often it runs that day.
    await sendOutcomeReminders(new Date());
    await sendOutcomeReminders(new Date());
    const mails = await mailsTo(service.organisation.email);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toMatch(/1 uitnodiging wacht op een uitkomst/);
    expect(mails[0]!.body.text).toMatch(/meer dan 14 dagen geleden uitgenodigd/);
  });
});
