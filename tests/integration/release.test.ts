import { beforeAll, describe, expect, it } from 'vitest';
import { runMailings } from '#mailings/run';
import { sesMailer } from '#platform/mailer';
import { counterRow, openOf, sumRows } from '#statistics/rules';
import { readCounters } from '#statistics/store';
import { call } from './helpers/api';
import { mailsTo } from './helpers/mailbox';
import { validStudent } from './helpers/students';
import { createTestOrganisation, createTestUser, type TestUser } from './helpers/users';

// The adult track (accept workflow): other files switch the secondary track's phase meanwhile.
const TRACK = 'adult';

let admin: TestUser;
let school: TestUser;
let supervisorId: string;
const as = (u: TestUser) => ({ token: u.accessToken });

type Service = TestUser & { contactId: string };

async function serviceWithContact(): Promise<Service> {
  const user = await createTestUser({ organisation: await createTestOrganisation('service') });
  const contact = await call('POST', '/contacts', {
    ...as(user),
    body: { name: 'Mentor Mia', phone: '050 11 22 33', email: 'mia@dienst.example' },
  });
  return { ...user, contactId: contact.body.id };
}

async function enter() {
  const lastName = `Vrij${Math.random().toString(36).slice(2, 7)}`;
  const res = await call('POST', '/students', {
    ...as(school),
    body: validStudent(supervisorId, { track: TRACK, lastName }),
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return { id: res.body.id as string, name: `Anke ${lastName}`, lastName };
}

async function placed(service: Service) {
  const student = await enter();
  const res = await call('PUT', `/requests/${student.id}/decision`, {
    ...as(service),
    body: { status: 'accepted', contactId: service.contactId, periods: [0], notes: 'Welkom' },
  });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return student;
}

const release = (id: string, body: unknown, user = admin) =>
  call('POST', `/admin/students/${id}/release`, { ...as(user), body });

/** The school's own counter row: other files place adult students at the same time. */
async function schoolFigures() {
  const rows = sumRows(await readCounters(TRACK));
  const f = rows.get(counterRow.school(school.organisation.id))!;
  return { placed: f.placed, open: openOf(f) };
}

/** The scheduler's tick, as often as it may run: each mail still arrives once. */
async function ticks() {
  for (let i = 0; i < 2; i++) await runMailings({ now: new Date(), mailer: sesMailer });
}

const subjects = async (email: string, name: string) =>
  (await mailsTo(email)).map((m) => m.subject).filter((s) => s.includes(name));

beforeAll(async () => {
  [admin, school] = await Promise.all([
    createTestUser({ role: 'admin' }),
    createTestUser({ role: 'school' }),
  ]);
  await call('PATCH', `/organisations/${school.organisation.id}`, {
    ...as(admin),
    body: { tracks: ['secondary', 'adult', 'dual'] },
  });
  const sup = await call('POST', '/supervisors', {
    ...as(school),
    body: { name: 'Begeleider Bea', phone: '050 12 34 56', email: 'bea@school.example' },
  });
  supervisorId = sup.body.id;
  for (const track of [TRACK, 'dual']) {
    const phase = await call('PUT', `/tracks/${track}/phase`, { ...as(admin), body: { phase: 'all' } });
    expect(phase.status).toBe(200);
  }
});

describe('the sector releases a placement', () => {
  it('puts the student back without a place, for every service, and everything follows', async () => {
    const [first, second] = await Promise.all([serviceWithContact(), serviceWithContact()]);
    const student = await placed(first);
    const before = await schoolFigures();
    expect((await call('GET', `/requests/${student.id}`, as(first))).body.personal).not.toBeNull();

    const res = await release(student.id, { reason: 'De dienst sluit het team in Gent.' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ studentId: student.id, serviceId: first.organisation.id });

    // The sector's view: without a place again, and the history says who released it, when and why.
    const detail = await call('GET', `/admin/students/${student.id}`, as(admin));
    expect(detail.body).toMatchObject({ status: 'open', placement: null });
    expect(detail.body.releases).toEqual([
      expect.objectContaining({
        serviceId: first.organisation.id,
        by: { id: admin.person.id, name: admin.person.name },
        reason: 'De dienst sluit het team in Gent.',
        at: res.body.releasedAt,
      }),
    ]);

    // The counters of the dashboard moved back in the same write.
    expect(await schoolFigures()).toEqual({ placed: before.placed - 1, open: before.open + 1 });

    // The old service keeps no personal data; its mentor is free (the contact can go again).
    const old = await call('GET', `/requests/${student.id}`, as(first));
    expect(old.status).toBe(200);
    expect(old.body).toMatchObject({ status: 'not_accepted', personal: null, placement: null });
    expect((await call('DELETE', `/contacts/${first.contactId}`, as(first))).status).toBe(204);

    // Visible again by the round's rule: another service finds the student and accepts them.
    const list = await call('GET', `/requests?track=${TRACK}&name=${student.lastName}`, as(second));
    expect(list.body.items.map((i: { id: string }) => i.id)).toContain(student.id);
    const taken = await call('PUT', `/requests/${student.id}/decision`, {
      ...as(second),
      body: { status: 'accepted', contactId: second.contactId, periods: [0], notes: 'Welkom bij ons' },
    });
    expect(taken.status, JSON.stringify(taken.body)).toBe(200);
    expect(taken.body.personal).not.toBeNull();
    // Now the first service cannot reach the student at all.
    expect((await call('GET', `/requests/${student.id}`, as(first))).status).toBe(404);

    // One mail to the school, one to the service, however often the tick runs.
    await ticks();
    expect(await subjects(school.organisation.email, student.name)).toEqual([
      `Plaatsing vrijgegeven: ${student.name}`,
    ]);
    expect(await subjects(first.organisation.email, student.name)).toEqual([
      `Plaatsing vrijgegeven: ${student.name}`,
    ]);
    const mail = (await mailsTo(first.organisation.email)).find((m) => m.subject.includes(student.name));
    expect(mail?.body.text).toContain('De dienst sluit het team in Gent.');

    // The audit log says who released which student and why.
    const log = await call('GET', '/admin/audit?action=release&limit=200', as(admin));
    expect(log.body.items).toContainEqual(
      expect.objectContaining({
        subject: { kind: 'student', id: student.id, label: student.name },
        actor: expect.objectContaining({ id: admin.person.id, role: 'admin' }),
        details: { serviceId: first.organisation.id, reason: 'De dienst sluit het team in Gent.' },
      }),
    );
  });

  it('refuses what is not a release: no placement (409), no reason (400), not the sector (403)', async () => {
    const service = await serviceWithContact();
    const open = await enter();
    const none = await release(open.id, { reason: 'Zomaar' });
    expect(none.status).toBe(409);
    expect(none.body.message).toMatch(/geen plaats/);

    const student = await placed(service);
    for (const body of [{}, { reason: '   ' }]) {
      const bad = await release(student.id, body);
      expect(bad.status).toBe(400);
      expect(bad.body.details).toEqual([
        expect.objectContaining({ path: 'reason', message: expect.stringMatching(/^Geef de reden/) }),
      ]);
    }
    expect((await release(student.id, { reason: 'Zelf gedaan' }, school)).status).toBe(403);
    expect((await release(student.id, { reason: 'Zelf gedaan' }, service)).status).toBe(403);
    expect((await release('bestaat-niet', { reason: 'Weg' })).status).toBe(404);

    // Still placed after all that; a second release of the same placement is a conflict.
    expect((await release(student.id, { reason: 'Verhuisd' })).status).toBe(200);
    expect((await release(student.id, { reason: 'Verhuisd' })).status).toBe(409);
  });
});

describe('releasing a dual learner', () => {
  async function enterDual() {
    const base = validStudent(supervisorId, { track: 'dual' });
    const res = await call('POST', '/students', {
      ...as(school),
      body: { ...base, internship: { ...base.internship, weekdays: ['monday', 'tuesday'] } },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body.id as string;
  }
  const decide = (service: Service, id: string, status: string) =>
    call('PUT', `/requests/${id}/decision`, {
      ...as(service),
      body: status === 'accepted' ? { status, contactId: service.contactId, notes: 'Welkom' } : { status },
    });

  it("frees the mentor's slot, and the invitation no longer opens the personal data", async () => {
    // A social-profit mentor takes 2 learners at once: fill both slots.
    const service = await serviceWithContact();
    const [first, second, third] = [await enterDual(), await enterDual(), await enterDual()];
    for (const id of [first, second, third]) expect((await decide(service, id, 'invited')).status).toBe(200);
    for (const id of [first, second]) expect((await decide(service, id, 'accepted')).status).toBe(200);
    expect((await decide(service, third, 'accepted')).status).toBe(422);

    expect((await release(first, { reason: 'Leerling stopt bij deze werkplek.' })).status).toBe(200);
    // The slot is free at once; the released learner's data are gone for this service, invitation or not.
    expect((await decide(service, third, 'accepted')).status).toBe(200);
    const gone = await call('GET', `/requests/${first}`, as(service));
    expect(gone.status).toBe(200);
    expect(gone.body).toMatchObject({ status: 'not_accepted', personal: null });
  });
});

describe("a service's request to release its placement", () => {
  const ask = (service: TestUser, id: string, body: unknown = { reason: 'De leerling verhuist.' }) =>
    call('POST', `/requests/${id}/release-request`, { ...as(service), body });
  const releaseRequestsToAnswer = async () =>
    (await call('GET', `/admin/dashboard?track=${TRACK}`, as(admin))).body.releaseRequests as {
      studentId: string;
      studentName: string;
      reason: string;
    }[];

  it('is on the sector to-do list until the sector approves it by releasing', async () => {
    const [service, other] = await Promise.all([serviceWithContact(), serviceWithContact()]);
    const student = await placed(service);

    // Only the accepting service may ask, with a reason, once at a time.
    expect((await ask(other, student.id)).status).toBe(404);
    expect((await ask(school, student.id)).status).toBe(403);
    const noReason = await ask(service, student.id, {});
    expect(noReason.status).toBe(400);
    expect(noReason.body.details[0]).toMatchObject({ path: 'reason' });
    const asked = await ask(service, student.id);
    expect(asked.status, JSON.stringify(asked.body)).toBe(202);
    expect(asked.body).toMatchObject({ status: 'pending', reason: 'De leerling verhuist.' });
    expect((await ask(service, student.id)).status).toBe(409);

    expect(await releaseRequestsToAnswer()).toContainEqual(
      expect.objectContaining({
        studentId: student.id,
        studentName: student.name,
        reason: 'De leerling verhuist.',
      }),
    );
    const seen = await call('GET', `/requests/${student.id}`, as(service));
    expect(seen.body.releaseRequest).toMatchObject({ status: 'pending' });

    expect((await release(student.id, { reason: 'Op vraag van de dienst.' })).status).toBe(200);
    expect((await releaseRequestsToAnswer()).map((t) => t.studentId)).not.toContain(student.id);
    const detail = await call('GET', `/admin/students/${student.id}`, as(admin));
    expect(detail.body).toMatchObject({ status: 'open', releaseRequest: { status: 'approved' } });
  });

  it('can be declined: the placement stays, and the service hears why', async () => {
    const service = await serviceWithContact();
    const student = await placed(service);
    expect((await ask(service, student.id)).status).toBe(202);

    const decline = (body: unknown, user = admin) =>
      call('POST', `/admin/students/${student.id}/release-request/decline`, { ...as(user), body });
    expect((await decline({})).status).toBe(400);
    expect((await decline({ reason: 'Nee' }, service)).status).toBe(403);
    const declined = await decline({ reason: 'Bel eerst de school: er is een oplossing.' });
    expect(declined.status, JSON.stringify(declined.body)).toBe(200);
    expect(declined.body).toMatchObject({ status: 'declined' });
    expect((await decline({ reason: 'Nog eens' })).status).toBe(409);

    expect((await releaseRequestsToAnswer()).map((t) => t.studentId)).not.toContain(student.id);
    const seen = await call('GET', `/requests/${student.id}`, as(service));
    expect(seen.body).toMatchObject({
      status: 'accepted',
      releaseRequest: { status: 'declined', declineReason: 'Bel eerst de school: er is een oplossing.' },
    });
    expect(seen.body.personal).not.toBeNull();

    await ticks();
    const mails = (await mailsTo(service.organisation.email)).filter((m) => m.subject.includes(student.name));
    expect(mails.map((m) => m.subject)).toEqual([`Plaatsing blijft: ${student.name}`]);
    expect(mails[0]!.body.text).toContain('Bel eerst de school');

    // Declined once, the service may ask again later.
    expect((await ask(service, student.id, { reason: 'Nu echt: het team sluit.' })).status).toBe(202);
  });
});
