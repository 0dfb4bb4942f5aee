import { beforeAll, describe, expect, it } from 'vitest';
import { runDueEscalations } from '#trajectory/escalations';
import { call } from './helpers/api';
import { latestMailTo, mailsTo } from './helpers/mailbox';
import { placedStudent, supervisorOf } from './helpers/requests';
import { createTestUser, type TestUser } from './helpers/users';

let admin: TestUser;
const DAY = 24 * 60 * 60 * 1000;
const as = (u: TestUser, organisation?: string) => ({
  token: u.accessToken,
  ...(organisation ? { headers: { 'x-organisation': organisation } } : {}),
});

/** A requester managing one service, and another service with its own manager. */
async function pair() {
  const [requester, manager] = await Promise.all([
    createTestUser({ role: 'service' }),
    createTestUser({ role: 'service' }),
  ]);
  return { requester, manager, target: manager.organisation.id };
}

async function ask(requester: TestUser, serviceId: string) {
  const res = await call('POST', '/takeovers', { ...as(requester), body: { serviceId } });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: string; deadline: string; requestedAt: string };
}

beforeAll(async () => {
  admin = await createTestUser({ role: 'admin' });
});

describe('takeovers', () => {
  it('the managers approve: the requester now manages two services and switches per request', async () => {
    const { requester, manager, target } = await pair();
    const t = await ask(requester, target);
    expect(new Date(t.deadline).getTime() - new Date(t.requestedAt).getTime()).toBe(14 * DAY);
    expect((await latestMailTo(manager.email)).subject).toContain('vraagt het beheer');
    expect((await call('POST', '/takeovers', { ...as(requester), body: { serviceId: target } })).status).toBe(
      409,
    );

    const listed = await call('GET', '/takeovers', as(manager));
    expect(listed.body.forService.map((x: { id: string }) => x.id)).toContain(t.id);
    expect(JSON.stringify(listed.body)).not.toContain(requester.email);
    // The admin may not decide while the managers still may.
    expect((await call('POST', `/takeovers/${t.id}/approve`, as(admin))).status).toBe(403);
    // Another service cannot answer for this one.
    expect((await call('POST', `/takeovers/${t.id}/approve`, as(requester))).status).toBe(404);

    const approved = await call('POST', `/takeovers/${t.id}/approve`, as(manager));
    expect(approved.status).toBe(200);
    expect((await latestMailTo(requester.email)).subject).toContain('Je beheert nu ook');

    const me = await call('GET', '/me', as(requester));
    expect(me.body.organisations.map((o: { id: string }) => o.id)).toEqual([
      requester.organisation.id,
      target,
    ]);
    const acting = await call('GET', '/me', as(requester, target));
    expect(acting.body.organisation.id).toBe(target);
  });

  it('a person of two services acts for one at a time: the other one’s students stay out of reach', async () => {
    const { requester, manager, target } = await pair();
    const t = await ask(requester, target);
    await call('POST', `/takeovers/${t.id}/approve`, as(manager));

    const school = await createTestUser({ role: 'school' });
    const supervisorId = await supervisorOf(school);
    const ownStudent = await placedStudent(school, supervisorId, requester);
    const targetStudent = await placedStudent(school, supervisorId, manager);

    expect((await call('GET', `/students/${ownStudent}/trajectory`, as(requester))).status).toBe(200);
    expect((await call('GET', `/students/${targetStudent}/trajectory`, as(requester))).status).toBe(404);
    expect((await call('GET', `/students/${targetStudent}/trajectory`, as(requester, target))).status).toBe(
      200,
    );
    expect((await call('GET', `/students/${ownStudent}/trajectory`, as(requester, target))).status).toBe(404);
    const hours = await call('POST', `/students/${ownStudent}/hours`, {
      ...as(requester, target),
      body: { date: new Date().toISOString().slice(0, 10), hours: 4 },
    });
    expect(hours.status).toBe(404);

    // An organisation the person does not belong to, or a school's id, is refused outright.
    const stranger = await createTestUser({ role: 'service' });
    expect((await call('GET', '/me', as(requester, stranger.organisation.id))).status).toBe(403);
    expect((await call('GET', '/contacts', as(requester, school.organisation.id))).status).toBe(403);
    // The school cannot borrow the service's membership either.
    expect((await call('GET', '/contacts', as(school, target))).status).toBe(403);
  });

  it('the managers reject: nothing changes for the requester', async () => {
    const { requester, manager, target } = await pair();
    const t = await ask(requester, target);
    const rejected = await call('POST', `/takeovers/${t.id}/reject`, as(manager));
    expect(rejected.status).toBe(200);
    expect(rejected.body.status).toBe('rejected');
    expect((await latestMailTo(requester.email)).subject).toContain('afgewezen');
    expect((await call('POST', `/takeovers/${t.id}/approve`, as(manager))).status).toBe(409);
    expect((await call('GET', '/me', as(requester, target))).status).toBe(403);
    // A new request may follow a rejected one.
    await ask(requester, target);
  });

  it('without an answer in two weeks the request goes to the admin, exactly once, and the admin decides', async () => {
    const { requester, manager, target } = await pair();
    const t = await ask(requester, target);
    const escalations = async () =>
      (await mailsTo(admin.email)).filter(
        (m) =>
          m.subject.includes('wacht op jouw beslissing') && m.subject.includes(manager.organisation.name),
      );

    await runDueEscalations(new Date(Date.now() + 13 * DAY));
    expect(await escalations()).toHaveLength(0);
    const late = new Date(Date.now() + 15 * DAY);
    await Promise.all([runDueEscalations(late), runDueEscalations(late)]);
    await runDueEscalations(new Date(Date.now() + 16 * DAY));
    expect(await escalations()).toHaveLength(1);

    const waiting = await call('GET', '/takeovers', as(admin));
    expect(waiting.body.escalated.map((x: { id: string }) => x.id)).toContain(t.id);
    // The managers are too late now.
    expect((await call('POST', `/takeovers/${t.id}/approve`, as(manager))).status).toBe(409);
    const decided = await call('POST', `/takeovers/${t.id}/approve`, as(admin));
    expect(decided.status).toBe(200);
    expect(decided.body.decidedBy).toBe('admin');
    expect((await call('GET', '/me', as(requester, target))).status).toBe(200);
    await runDueEscalations(new Date(Date.now() + 30 * DAY));
    expect(await escalations()).toHaveLength(1);
  });

  it('refuses a takeover of one’s own service or of something that is not a service', async () => {
    const requester = await createTestUser({ role: 'service' });
    const own = await call('POST', '/takeovers', {
      ...as(requester),
      body: { serviceId: requester.organisation.id },
    });
    expect(own.status).toBe(409);
    const school = await createTestUser({ role: 'school' });
    const notService = await call('POST', '/takeovers', {
      ...as(requester),
      body: { serviceId: school.organisation.id },
    });
    expect(notService.status).toBe(404);
    const empty = await call('POST', '/takeovers', { ...as(requester), body: {} });
    expect(empty.status).toBe(400);
    expect(empty.body.details).toEqual([{ path: 'serviceId', in: 'body', message: 'Kies de dienst.' }]);
  });
});
