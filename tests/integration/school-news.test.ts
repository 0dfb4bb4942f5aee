import { beforeAll, describe, expect, it } from 'vitest';
import { runMailings } from '#mailings/run';
import { sesMailer } from '#platform/mailer';
import { announcePlacementReleased } from '#students/news';
import { getStudent } from '#students/store';
import { call } from './helpers/api';
import { mailsTo } from './helpers/mailbox';
import { supervisorOf } from './helpers/requests';
import { validStudent } from './helpers/students';
import { createTestUser, type TestUser } from './helpers/users';

/**
 * The school is told: one mail per acceptance, invitation, outcome and end of a placement, to each
 * of its people who did not switch that kind off, however often the mailing tick runs.
 */

let admin: TestUser;
let school: TestUser;
/** A second person of the same school, who switched the acceptance mails off. */
let colleague: TestUser;
let service: TestUser;
let supervisorId: string;
let mentorId: string;
const as = (user: TestUser) => ({ token: user.accessToken });

const ticks = async (n = 3) => {
  for (let i = 0; i < n; i++) await runMailings({ now: new Date(), mailer: sesMailer });
};
const about = async (user: TestUser, needle: string) =>
  (await mailsTo(user.email)).filter((m) => m.subject.includes(needle));

let serial = 0;
async function enter(track: 'secondary' | 'dual') {
  const lastName = `Nieuws${Date.now().toString(36)}${serial++}`;
  const base = validStudent(supervisorId, { track, lastName });
  const body =
    track === 'dual'
      ? { ...base, internship: { ...base.internship, weekdays: ['monday', 'tuesday'] } }
      : base;
  const res = await call('POST', '/students', { ...as(school), body });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return { id: res.body.id as string, name: `Anke ${lastName}` };
}

const decide = async (studentId: string, body: Record<string, unknown>) => {
  const res = await call('PUT', `/requests/${studentId}/decision`, { ...as(service), body });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
};

beforeAll(async () => {
  [admin, school, service] = await Promise.all([
    createTestUser({ role: 'admin' }),
    createTestUser({ role: 'school' }),
    createTestUser({ role: 'service' }),
  ]);
  colleague = await createTestUser({ organisation: school.organisation });
  const patched = await call('PATCH', `/organisations/${school.organisation.id}`, {
    ...as(admin),
    body: { tracks: ['secondary', 'dual'] },
  });
  expect(patched.status).toBe(200);
  for (const track of ['secondary', 'dual']) {
    const res = await call('PUT', `/tracks/${track}/phase`, { ...as(admin), body: { phase: 'all' } });
    expect(res.status).toBe(200);
  }
  supervisorId = await supervisorOf(school);
  const contact = await call('POST', '/contacts', {
    ...as(service),
    body: { name: 'Mentor Mieke', phone: '050 11 22 33', email: 'mieke@dienst.example' },
  });
  expect(contact.status).toBe(201);
  mentorId = contact.body.id;
  const off = await call('PUT', '/me/preferences', { ...as(colleague), body: { news: { accepted: false } } });
  expect(off.status).toBe(200);
  expect(off.body).toEqual({
    reminders: true,
    news: { accepted: false, invited: true, outcome: true, ended: true },
  });
});

describe('the school is told', () => {
  it('one mail per acceptance, with student, service, mentor and periods; none to who switched it off', async () => {
    const student = await enter('secondary');
    await decide(student.id, { status: 'accepted', contactId: mentorId, periods: [0], notes: 'Welkom.' });
    await ticks();
    const mine = await about(school, student.name);
    expect(mine.map((m) => m.subject)).toEqual([
      `${student.name} heeft een stageplaats bij ${service.organisation.name}`,
    ]);
    const text = mine[0]!.body.text ?? '';
    expect(text).toContain('Mentor: Mentor Mieke, 050 11 22 33, mieke@dienst.example.');
    // Only the period the service took on.
    expect(text).toContain('Periode: 05/10/2026 – 30/10/2026.');
    expect(await about(colleague, student.name)).toEqual([]);

    // The placement ends when the school marks the student stopped: one mail, to both.
    const stopped = await call('POST', `/students/${student.id}/stop`, { ...as(school), body: {} });
    expect(stopped.status).toBe(200);
    await ticks();
    for (const person of [school, colleague]) {
      expect((await about(person, `Stage van ${student.name}`)).map((m) => m.subject)).toEqual([
        `Stage van ${student.name} bij ${service.organisation.name} beëindigd`,
      ]);
    }
  });

  it('one mail per invitation and per outcome of a dual student', async () => {
    const student = await enter('dual');
    await decide(student.id, { status: 'invited' });
    await ticks();
    expect(await about(school, `${student.name} uitgenodigd`)).toHaveLength(1);
    expect(await about(colleague, `${student.name} uitgenodigd`)).toHaveLength(1);

    await decide(student.id, { status: 'not_accepted' });
    await ticks();
    const outcome = await about(school, `gesprek van ${student.name}`);
    expect(outcome).toHaveLength(1);
    expect(outcome[0]!.body.text).toContain('niet aan');
    expect(outcome[0]!.body.text).toContain('Mentor: nog niet gekozen.');
  });

  it('a release by the sector is told once, however often it is announced', async () => {
    const student = await enter('secondary');
    await decide(student.id, { status: 'accepted', contactId: mentorId, periods: [1], notes: '' });
    const placed = await getStudent(student.id);
    const at = new Date();
    expect(await announcePlacementReleased(placed!, at)).toBe(true);
    expect(await announcePlacementReleased(placed!, at)).toBe(false);
    await ticks();
    const released = await about(school, `Stage van ${student.name}`);
    expect(released).toHaveLength(1);
    expect(released[0]!.body.text).toContain('De sector heeft de plaatsing');
    expect(released[0]!.body.text).toContain('Periode: 01/02/2027 – 26/02/2027.');
  });

  it('nothing when a person switched every kind off', async () => {
    const quiet = await createTestUser({ organisation: school.organisation });
    const off = await call('PUT', '/me/preferences', {
      ...as(quiet),
      body: { news: { accepted: false, invited: false, outcome: false, ended: false } },
    });
    expect(off.status).toBe(200);
    const student = await enter('dual');
    await decide(student.id, { status: 'invited' });
    await decide(student.id, { status: 'no_show' });
    await ticks();
    expect(await about(quiet, student.name)).toEqual([]);
    expect(await about(school, student.name)).toHaveLength(2);
  });
});
