import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { StudentInput } from '#contract/students';
import type { Caller } from '#http/caller';
import { changeOrganisation } from '#organisations/use-cases';
import { dynamoClient } from '#platform/aws-clients/dynamodb';
import { settings } from '#platform/config';
import { keys } from '#platform/table/keys';
import { listRequests } from '#requests/list';
import { serviceMaySee } from '#requests/visibility';
import { trackStateAt } from '#school-year/rules';
import { loadCalendar } from '#school-year/store';
import { enterStudent } from '#students/use-cases';
import { call } from './helpers/api';
import { supervisorOf } from './helpers/requests';
import { validStudent } from './helpers/students';
import { createTestUser, type TestUser } from './helpers/users';

/**
 * When a school's request goes out: every adult student in exactly one window, the summer blackout
 * for the programmes it names only, and the school told both (`shownIn`, `shownFrom`).
 */

let school: TestUser;
let service: TestUser;
let supervisorId: string;
const as = (user: TestUser) => ({ token: user.accessToken });
const callerOf = (user: TestUser, role: Caller['role']): Caller => ({
  userId: user.person.id,
  email: user.email,
  name: 'Test',
  role,
  organisationId: user.organisation.id,
});
const unique = () => `Tijd${Math.random().toString(36).slice(2, 8)}`;

const adult = (start: string, lastName: string) =>
  validStudent(supervisorId, {
    track: 'adult',
    lastName,
    internship: {
      supervisorId,
      form: 'block',
      hoursPerWeek: 19,
      totalHours: 80,
      periods: [{ start, end: start.replace(/-\d\d$/, '-28') }],
      remarks: '',
    },
  });

/** The student as the school's page shows it. */
const detail = async (id: string) => {
  const res = await call('GET', `/students/${id}`, as(school));
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
};

/** Whether the calendar alone (no override) shows the stored student to the service at `now`. */
async function calendarShows(id: string, now: Date): Promise<boolean> {
  const { Item } = await dynamoClient().send(
    new GetCommand({ TableName: settings.tableName(), Key: keys.student(id), ConsistentRead: true }),
  );
  const calendar = await loadCalendar();
  const phases = trackStateAt(calendar.rounds, Item?.track, null, now).segments;
  return serviceMaySee(Item as never, service.organisation, phases, now);
}

/** The ids the services' list gives this service at `now` for students of this last name. */
async function listed(track: 'adult' | 'dual' | 'secondary', lastName: string, now: Date) {
  const page = await listRequests(
    callerOf(service, 'service'),
    { track, tab: 'open', name: lastName } as never,
    now,
  );
  return page.items.map((i: { id: string }) => i.id);
}

beforeAll(async () => {
  [school, service] = await Promise.all([
    createTestUser({ role: 'school' }),
    createTestUser({ role: 'service' }),
  ]);
  await changeOrganisation(school.organisation, { tracks: ['secondary', 'adult', 'dual'] }, new Date());
  supervisorId = await supervisorOf(school);
});

describe('adult-education students belong to exactly one window', () => {
  it('a first period in a window range is shown in that window, from its opening, and the school sees when', async () => {
    const name = unique();
    const res = await call('POST', '/students', { ...as(school), body: adult('2027-04-01', name) });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    // The answer to the entry already says it, so the form can tell the school at once.
    expect(res.body).toMatchObject({ shownIn: 'adult-apr-jun', shownFrom: '2027-02-01T11:00:00.000Z' });
    expect(await detail(res.body.id)).toMatchObject({
      shownIn: 'adult-apr-jun',
      shownInName: 'Volwassenenonderwijs: stages april–juni',
      shownFrom: '2027-02-01T11:00:00.000Z',
    });
    expect(await calendarShows(res.body.id, new Date('2027-02-01T10:59:59Z'))).toBe(false);
    expect(await calendarShows(res.body.id, new Date('2027-02-01T11:00:00Z'))).toBe(true);
    expect(await listed('adult', name, new Date('2027-02-05T10:00:00Z'))).toEqual([res.body.id]);
  });

  it('a first period in no window range goes to the next window to open, with the school told when', async () => {
    const name = unique();
    // July 2027 lies in no range; the stack's clock is past the first two windows' close.
    const res = await call('POST', '/students', { ...as(school), body: adult('2027-07-12', name) });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const shown = await detail(res.body.id);
    const calendar = await loadCalendar();
    const next = calendar.rounds
      .filter((r) => r.track === 'adult' && r.internship && !r.staysOpen)
      .find((r) => new Date(`${r.closesAt}:00+01:00`) > new Date());
    expect(next, 'an adult window still to come in the shipped calendar').toBeDefined();
    expect(shown.shownIn).toBe(next?.id);
    expect(shown.shownFrom).not.toBeNull();
    // Shown in that window and in no other: at its opening, not before.
    const opens = new Date(shown.shownFrom);
    expect(await calendarShows(res.body.id, new Date(opens.getTime() - 1000))).toBe(false);
    expect(await calendarShows(res.body.id, opens)).toBe(true);
    expect(await listed('adult', name, new Date(opens.getTime() + 3_600_000))).toEqual([res.body.id]);
  });

  it('an edit that moves the first period into a range moves the student to that window', async () => {
    const name = unique();
    const res = await call('POST', '/students', { ...as(school), body: adult('2027-07-12', name) });
    const { nationalNumber: _n, ...rest } = adult('2027-10-04', name);
    const edited = await call('PUT', `/students/${res.body.id}`, {
      ...as(school),
      body: { ...rest, nationalNumber: (await detail(res.body.id)).nationalNumber },
    });
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);
    expect(edited.body).toMatchObject({ shownIn: 'adult-sep-dec', shownFrom: '2027-05-15T10:00:00.000Z' });
  });
});

describe('the summer blackout names its programmes', () => {
  it('a dual student entered on 20 July is visible to services at once; a 7th-year student waits until 19 September', async () => {
    const caller = callerOf(school, 'school');
    const july20 = new Date('2026-07-20T08:00:00Z');
    const dualName = unique();
    const seventhName = unique();
    const dual = await enterStudent(
      caller,
      StudentInput.parse(
        validStudent(supervisorId, {
          track: 'dual',
          lastName: dualName,
          internship: { ...validStudent(supervisorId).internship, weekdays: ['monday', 'tuesday'] },
        }),
      ),
      july20,
    );
    const seventh = await enterStudent(
      caller,
      StudentInput.parse(validStudent(supervisorId, { lastName: seventhName })),
      july20,
    );
    expect(dual.visibleFrom).toBe(dual.registeredAt);
    expect(seventh.visibleFrom).toBe('2026-09-18T22:00:00.000Z');

    expect(await listed('dual', dualName, new Date('2026-07-20T09:00:00Z'))).toEqual([dual.id]);
    // The round for all 7th-year students opens on 18 September 12:00; this student waits a day more.
    expect(await listed('secondary', seventhName, new Date('2026-09-18T12:00:00Z'))).toEqual([]);
    expect(await listed('secondary', seventhName, new Date('2026-09-18T22:00:00Z'))).toEqual([seventh.id]);

    // The school sees which rule applied.
    expect(await detail(dual.id)).toMatchObject({
      blackoutRule: 'exempt',
      shownIn: 'dual-all',
      shownFrom: '2026-07-20T08:00:00.000Z',
    });
    expect(await detail(seventh.id)).toMatchObject({
      blackoutRule: 'applied',
      shownIn: 'secondary-7-all',
      shownFrom: '2026-09-18T22:00:00.000Z',
    });
  });
});
