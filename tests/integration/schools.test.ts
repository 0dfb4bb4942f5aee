import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { StudentInput } from '#contract/students';
import { changeOrganisation } from '#organisations/use-cases';
import { dynamoClient } from '#platform/aws-clients/dynamodb';
import { settings } from '#platform/config';
import { keys } from '#platform/table/keys';
import { enterStudent } from '#students/use-cases';
import { call } from './helpers/api';
import { nationalNumber, validStudent } from './helpers/students';
import { createTestOrganisation, createTestUser, type TestUser } from './helpers/users';

let school: TestUser;
let otherSchool: TestUser;
let supervisorId: string;
let otherSupervisorId: string;
let serviceId: string;

const as = (user: TestUser) => ({ token: user.accessToken });
const post = (user: TestUser, path: string, body: unknown) => call('POST', path, { ...as(user), body });

async function addSupervisor(user: TestUser, name = 'Mevrouw Janssens') {
  const res = await post(user, '/supervisors', {
    name,
    phone: '050 12 34 56',
    email: 'janssens@school.example',
  });
  expect(res.status).toBe(201);
  return res.body.id as string;
}

async function addStudent(body = validStudent(supervisorId)) {
  const res = await post(school, '/students', body);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

beforeAll(async () => {
  [school, otherSchool] = await Promise.all([
    createTestUser({ role: 'school' }),
    createTestUser({ role: 'school' }),
  ]);
  [supervisorId, otherSupervisorId] = await Promise.all([addSupervisor(school), addSupervisor(otherSchool)]);
  serviceId = (await createTestOrganisation('service')).id;
});

describe('supervisors', () => {
  it('are created, listed, edited and deleted by their own school', async () => {
    const id = await addSupervisor(school, 'Meneer Claes');
    const edited = await call('PUT', `/supervisors/${id}`, {
      ...as(school),
      body: { name: 'Meneer Claes', phone: '09 123 45 67', email: 'claes@school.example' },
    });
    expect(edited.body).toMatchObject({ phone: '09 123 45 67', studentCount: 0 });
    const list = await call('GET', '/supervisors', as(school));
    expect(list.body.items.map((s: { id: string }) => s.id)).toContain(id);
    expect((await call('DELETE', `/supervisors/${id}`, as(school))).status).toBe(204);
  });

  it('cannot be deleted while a student is linked, and the refusal names how many', async () => {
    const id = await addSupervisor(school, 'Mevrouw Wouters');
    await addStudent(validStudent(id));
    await addStudent(validStudent(id));
    const res = await call('DELETE', `/supervisors/${id}`, as(school));
    expect(res.status).toBe(409);
    expect(res.body.message).toContain('2 leerlingen');
  });

  it("are another school's business: 404 on edit and delete", async () => {
    const body = { name: 'X', phone: '050 12 34 56', email: 'x@x.example' };
    expect((await call('PUT', `/supervisors/${otherSupervisorId}`, { ...as(school), body })).status).toBe(
      404,
    );
    expect((await call('DELETE', `/supervisors/${otherSupervisorId}`, as(school))).status).toBe(404);
    const list = await call('GET', '/supervisors', as(school));
    expect(list.body.items.map((s: { id: string }) => s.id)).not.toContain(otherSupervisorId);
  });
});

describe('an internship request is refused, naming the field, when', () => {
  const cases: [string, (s: ReturnType<typeof validStudent>) => unknown, string][] = [
    ['the first name is missing', (s) => ({ ...s, firstName: ' ' }), 'firstName'],
    ['the last name is missing', (s) => ({ ...s, lastName: '' }), 'lastName'],
    [
      'the national number has a wrong check',
      (s) => ({ ...s, nationalNumber: '85073003329' }),
      'nationalNumber',
    ],
    [
      'the national number is not 11 digits',
      (s) => ({ ...s, nationalNumber: '8507300332' }),
      'nationalNumber',
    ],
    ['the email is not plausible', (s) => ({ ...s, email: 'anke@' }), 'email'],
    ['the phone is not plausible', (s) => ({ ...s, phone: '12' }), 'phone'],
    [
      'the postcode is not 4 digits',
      (s) => ({ ...s, address: { ...s.address, postcode: '800' } }),
      'address.postcode',
    ],
    ['the province is not on the list', (s) => ({ ...s, province: 'henegouwen' }), 'province'],
    ['no transport is chosen', (s) => ({ ...s, transport: [] }), 'transport'],
    [
      'there is no period',
      (s) => ({ ...s, internship: { ...s.internship, periods: [] } }),
      'internship.periods',
    ],
    [
      'there are five periods',
      (s) => ({ ...s, internship: { ...s.internship, periods: Array(5).fill(s.internship.periods[0]) } }),
      'internship.periods',
    ],
    [
      'a period has no end',
      (s) => ({ ...s, internship: { ...s.internship, periods: [{ start: '2026-10-05' }] } }),
      'internship.periods.0.end',
    ],
    [
      'a period ends before it starts',
      (s) => ({
        ...s,
        internship: { ...s.internship, periods: [{ start: '2026-10-05', end: '2026-10-04' }] },
      }),
      'internship.periods.0.end',
    ],
    [
      'hours per week are missing for a block internship',
      (s) => ({ ...s, internship: { ...s.internship, hoursPerWeek: undefined } }),
      'internship.hoursPerWeek',
    ],
    [
      'total hours are 0',
      (s) => ({ ...s, internship: { ...s.internship, totalHours: 0 } }),
      'internship.totalHours',
    ],
    [
      'weekdays are given outside dual learning',
      (s) => ({ ...s, internship: { ...s.internship, weekdays: ['monday'] } }),
      'internship.weekdays',
    ],
  ];

  it.each(cases)('%s', async (_name, breakIt, path) => {
    const res = await post(school, '/students', breakIt(validStudent(supervisorId)));
    expect(res.status).toBe(400);
    expect(res.body.details.map((d: { path: string }) => d.path)).toContain(path);
    for (const detail of res.body.details) expect(detail.message).toEqual(expect.any(String));
  });

  it('the supervisor belongs to another school', async () => {
    const res = await post(school, '/students', validStudent(otherSupervisorId));
    expect(res.status).toBe(400);
    expect(res.body.details).toEqual([expect.objectContaining({ path: 'internship.supervisorId' })]);
  });

  it('the school does not offer the track', async () => {
    const res = await post(school, '/students', validStudent(supervisorId, { track: 'adult' }));
    expect(res.body.details).toEqual([expect.objectContaining({ path: 'track' })]);
  });

  it('the preferred service does not exist or is inactive', async () => {
    const missing = await post(
      school,
      '/students',
      validStudent(supervisorId, { preferredServiceId: 'bestaat-niet' }),
    );
    expect(missing.body.details).toEqual([expect.objectContaining({ path: 'preferredServiceId' })]);
    const inactive = await createTestOrganisation('service');
    await changeOrganisation(inactive, { active: false }, new Date());
    const res = await post(
      school,
      '/students',
      validStudent(supervisorId, { preferredServiceId: inactive.id }),
    );
    expect(res.body.details).toEqual([expect.objectContaining({ path: 'preferredServiceId' })]);
  });

  it('and all mistakes come in one answer', async () => {
    const s = validStudent(supervisorId);
    const res = await post(school, '/students', {
      ...s,
      firstName: '',
      nationalNumber: '12345678901',
      internship: { ...s.internship, hoursPerWeek: undefined },
    });
    expect(res.body.details.map((d: { path: string }) => d.path).sort()).toEqual(
      ['firstName', 'internship.hoursPerWeek', 'nationalNumber'].sort(),
    );
  });
});

describe('students', () => {
  it('accepts both national-number rules and a preferred service, and shows the number masked in lists only', async () => {
    const born2005 = nationalNumber(true);
    const created = await addStudent(
      validStudent(supervisorId, { nationalNumber: born2005, preferredServiceId: serviceId }),
    );
    expect(created.nationalNumber).toBe(
      `${born2005.slice(0, 2)}.${born2005.slice(2, 4)}.${born2005.slice(4, 6)}-${born2005.slice(6, 9)}.${born2005.slice(9)}`,
    );
    const list = await call('GET', '/students', as(school));
    const item = list.body.items.find((s: { id: string }) => s.id === created.id);
    expect(item).toMatchObject({
      status: 'open',
      supervisorName: 'Mevrouw Janssens',
      nationalNumber: `•••••••••${born2005.slice(-2)}`,
    });
    expect(JSON.stringify(list.body)).not.toContain(born2005);
  });

  it('stores the national number only encrypted', async () => {
    const number = nationalNumber();
    const created = await addStudent(validStudent(supervisorId, { nationalNumber: number }));
    const { Item } = await dynamoClient().send(
      new GetCommand({ TableName: settings.tableName(), Key: keys.student(created.id) }),
    );
    expect(JSON.stringify(Item)).not.toContain(number);
    expect(Item?.nationalNumberEncrypted).toMatch(/^v1:local:/);
    const detail = await call('GET', `/students/${created.id}`, as(school));
    expect(detail.body.nationalNumber.replace(/\D/g, '')).toBe(number);
  });

  it('is edited while open, and lists filter and sort', async () => {
    const created = await addStudent(validStudent(supervisorId, { firstName: 'Zoë', lastName: 'Aerts' }));
    const edited = await call('PUT', `/students/${created.id}`, {
      ...as(school),
      body: validStudent(supervisorId, { firstName: 'Zoë', lastName: 'Aerts', transport: ['car'] }),
    });
    expect(edited.status).toBe(200);
    expect(edited.body.transport).toEqual(['car']);
    const found = await call('GET', `/students?q=${encodeURIComponent('zoe aerts')}`, as(school));
    expect(found.body.items.map((s: { id: string }) => s.id)).toEqual([created.id]);
    const sorted = await call('GET', '/students?sort=name', as(school));
    const names = sorted.body.items.map((s: { lastName: string }) => s.lastName);
    expect(names).toEqual([...names].sort((a: string, b: string) => a.localeCompare(b, 'nl-BE')));
  });

  it('is locked once a service accepted: edit and delete 409, stop still allowed; the list shows the placement', async () => {
    const created = await addStudent();
    await dynamoClient().send(
      new UpdateCommand({
        TableName: settings.tableName(),
        Key: keys.student(created.id),
        UpdateExpression: 'SET placement = :p',
        ExpressionAttributeValues: {
          ':p': {
            serviceId,
            serviceName: 'Familiehulp Brugge',
            contact: { name: 'Hilde Raes', phone: '050 44 55 66', email: 'hilde@familiehulp.example' },
            periods: [1],
            notes: 'Start om 8 uur.',
            acceptedAt: new Date().toISOString(),
          },
        },
      }),
    );
    const put = await call('PUT', `/students/${created.id}`, {
      ...as(school),
      body: validStudent(supervisorId),
    });
    expect(put.status).toBe(409);
    expect(put.body.message).toContain('aanvaard');
    expect((await call('DELETE', `/students/${created.id}`, as(school))).status).toBe(409);
    const list = await call('GET', '/students?status=accepted', as(school));
    const item = list.body.items.find((s: { id: string }) => s.id === created.id);
    expect(item.placement).toEqual({
      serviceName: 'Familiehulp Brugge',
      contact: { name: 'Hilde Raes', phone: '050 44 55 66', email: 'hilde@familiehulp.example' },
      periods: [{ start: '2027-02-01', end: '2027-02-26' }],
      notes: 'Start om 8 uur.',
      acceptedAt: expect.any(String),
    });
    const stop = await post(school, `/students/${created.id}/stop`, {});
    expect(stop.body).toMatchObject({ status: 'stopped' });
  });

  it('is stopped instead of deleted when quitting, then can no longer be edited', async () => {
    const created = await addStudent();
    expect((await post(school, `/students/${created.id}/stop`, {})).status).toBe(200);
    expect((await post(school, `/students/${created.id}/stop`, {})).status).toBe(409);
    expect(
      (await call('PUT', `/students/${created.id}`, { ...as(school), body: validStudent(supervisorId) }))
        .status,
    ).toBe(409);
    const detail = await call('GET', `/students/${created.id}`, as(school));
    expect(detail.body).toMatchObject({ status: 'stopped', editable: false });
  });

  it('deleted by mistake frees its supervisor', async () => {
    const id = await addSupervisor(school, 'Tijdelijk');
    const created = await addStudent(validStudent(id));
    expect((await call('DELETE', `/students/${created.id}`, as(school))).status).toBe(204);
    expect((await call('GET', `/students/${created.id}`, as(school))).status).toBe(404);
    expect((await call('DELETE', `/supervisors/${id}`, as(school))).status).toBe(204);
  });

  it('of another school are 404 on every route, and absent from the list', async () => {
    const created = await addStudent();
    const other = as(otherSchool);
    expect((await call('GET', `/students/${created.id}`, other)).status).toBe(404);
    expect(
      (await call('PUT', `/students/${created.id}`, { ...other, body: validStudent(otherSupervisorId) }))
        .status,
    ).toBe(404);
    expect((await call('DELETE', `/students/${created.id}`, other)).status).toBe(404);
    expect((await call('POST', `/students/${created.id}/stop`, { ...other, body: {} })).status).toBe(404);
    const list = await call('GET', '/students', other);
    expect(list.body.items.map((s: { id: string }) => s.id)).not.toContain(created.id);
  });

  it('are school business only: services and admins get 403', async () => {
    const [service, admin] = await Promise.all([
      createTestUser({ role: 'service' }),
      createTestUser({ role: 'admin' }),
    ]);
    for (const user of [service, admin]) {
      expect((await call('GET', '/students', as(user))).status).toBe(403);
      expect((await call('GET', '/supervisors', as(user))).status).toBe(403);
    }
  });
});

describe('the summer blackout', () => {
  it('keeps a student entered between 30 June 12:00 and 15 August 12:00 hidden until 19 September', async () => {
    const caller = {
      userId: school.person.id,
      email: school.email,
      name: 'x',
      role: 'school' as const,
      organisationId: school.organisation.id,
    };
    const summer = await enterStudent(
      caller,
      StudentInput.parse(validStudent(supervisorId)),
      new Date('2026-07-10T09:00:00Z'),
    );
    expect(summer.visibleFrom).toBe('2026-09-18T22:00:00.000Z'); // 19 September 00:00 in Brussels
    const before = await enterStudent(
      caller,
      StudentInput.parse(validStudent(supervisorId)),
      new Date('2026-06-30T09:59:00Z'),
    );
    expect(before.visibleFrom).toBe(before.registeredAt);
    const after = await enterStudent(
      caller,
      StudentInput.parse(validStudent(supervisorId)),
      new Date('2026-08-15T10:00:00Z'),
    );
    expect(after.visibleFrom).toBe(after.registeredAt);
  });
});
