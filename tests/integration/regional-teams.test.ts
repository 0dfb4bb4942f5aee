import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Organisation } from '#contract/organisations';
import { runMailings } from '#mailings/run';
import { sesMailer } from '#platform/mailer';
import { call } from './helpers/api';
import { exportAndDownload, parseCsv } from './helpers/exports';
import { mailsTo } from './helpers/mailbox';
import { validStudent } from './helpers/students';
import { createTestOrganisation, createTestUser, type TestUser, uniqueEmail } from './helpers/users';

/**
 * The coordinator × province matrix: a regional team of Limburg reaches Limburg's students, the
 * services of Limburg and the schools with students there; anything of another province answers
 * 403 (never 404: an id says nothing, and the answer is the same for a student, a service or a
 * school), and no list, file or mailing holds anything of another province.
 */

let national: TestUser;
let limburg: TestUser;
let team: Organisation;
let limburgSchool: TestUser;
let antwerpSchool: TestUser;
let limburgService: TestUser;
let antwerpService: TestUser;
const as = (u: TestUser) => ({ token: u.accessToken });
const tag = randomUUID().slice(0, 6);
let own: { id: string; lastName: string };
let other: { id: string; lastName: string };

async function schoolWithStudent(province: string, postcode: string, lastName: string) {
  const school = await createTestUser({ role: 'school' });
  const sup = await call('POST', '/supervisors', {
    ...as(school),
    body: { name: 'Begeleider Bea', phone: '050 12 34 56', email: 'bea@school.example' },
  });
  const res = await call('POST', '/students', {
    ...as(school),
    body: validStudent(sup.body.id, {
      lastName,
      province,
      email: `${lastName.toLowerCase()}@leerling.example`,
      address: { street: 'Markt 1', postcode, city: 'Ergens' },
    }),
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return { school, student: { id: res.body.id as string, lastName } };
}

async function serviceIn(province: string): Promise<TestUser> {
  const org = await createTestOrganisation('service');
  const moved = await call('PATCH', `/organisations/${org.id}`, { ...as(national), body: { province } });
  expect(moved.status).toBe(200);
  return createTestUser({ organisation: moved.body });
}

beforeAll(async () => {
  national = await createTestUser({ role: 'admin' });
  const created = await call('POST', '/organisations', {
    ...as(national),
    body: {
      type: 'admin',
      name: `Regio Limburg ${tag}`,
      email: uniqueEmail('regio'),
      provinces: ['limburg'],
    },
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  team = created.body;
  limburg = await createTestUser({ organisation: team });
  [
    { school: limburgSchool, student: own },
    { school: antwerpSchool, student: other },
    limburgService,
    antwerpService,
  ] = await Promise.all([
    schoolWithStudent('limburg', '3500', `Limbo${tag}`),
    schoolWithStudent('antwerpen', '2000', `Antwo${tag}`),
    serviceIn('limburg'),
    serviceIn('antwerpen'),
  ]).then(([a, b, c, d]) => [a, b, c, d] as const);
});

describe('a regional team', () => {
  it('is an admin organisation with provinces, which GET /api/me names for its people', async () => {
    expect(team).toMatchObject({ type: 'admin', provinces: ['limburg'] });
    const me = await call('GET', '/me', as(limburg));
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ role: 'admin', provinces: ['limburg'] });
    const whole = await call('GET', '/me', as(national));
    expect(whole.body.provinces ?? null).toBeNull();
  });

  it('is set up by the national team only; the national team stays national', async () => {
    const byCoordinator = await call('POST', '/organisations', {
      ...as(limburg),
      body: { type: 'admin', name: 'Eigen team', email: uniqueEmail('t'), provinces: ['antwerpen'] },
    });
    expect(byCoordinator.status).toBe(403);
    const widen = await call('PATCH', `/organisations/${team.id}`, {
      ...as(limburg),
      body: { provinces: ['limburg', 'antwerpen'] },
    });
    expect(widen.status).toBe(403);
    const invite = await call('POST', `/organisations/${team.id}/members`, {
      ...as(limburg),
      body: { email: uniqueEmail('collega'), name: 'Collega' },
    });
    expect(invite.status).toBe(403);
    const unknown = await call('POST', '/organisations', {
      ...as(national),
      body: { type: 'admin', name: 'Fout', email: uniqueEmail('t'), provinces: ['wallonie'] },
    });
    expect(unknown.status).toBe(400);
    expect(JSON.stringify(unknown.body)).toContain('provinces');
    // `province` (a service's field) is not taken for `provinces`: no whole-sector team by a typo.
    const singular = await call('POST', '/organisations', {
      ...as(national),
      body: { type: 'admin', name: 'Fout', email: uniqueEmail('t'), province: 'limburg' },
    });
    expect(singular.status).toBe(400);
    expect(singular.body.details.map((d: { path: string }) => d.path)).toEqual(['province']);
    const nationalTeam = await call('PATCH', `/organisations/${national.organisation.id}`, {
      ...as(national),
      body: { provinces: ['limburg'] },
    });
    expect(nationalTeam.status).toBe(409);
    // The national team edits a regional team's provinces.
    const edited = await call('PATCH', `/organisations/${team.id}`, {
      ...as(national),
      body: { provinces: ['limburg'] },
    });
    expect(edited.status).toBe(200);
    expect(edited.body.provinces).toEqual(['limburg']);
  });

  it("lists only its provinces' students, and refuses another province as a filter", async () => {
    const list = await call('GET', `/admin/students?limit=200&name=${tag}`, as(limburg));
    expect(list.status).toBe(200);
    expect(list.body.items.map((s: { id: string }) => s.id)).toEqual([own.id]);
    const everything = await call('GET', '/admin/students?limit=200', as(limburg));
    expect(everything.body.total).toBeGreaterThanOrEqual(1);
    for (const s of everything.body.items) expect(s.residence.province).toBe('limburg');
    expect(JSON.stringify(everything.body)).not.toContain(other.lastName);
    expect((await call('GET', '/admin/students?province=antwerpen', as(limburg))).status).toBe(403);
    // The national team sees both.
    const whole = await call('GET', `/admin/students?limit=200&name=${tag}`, as(national));
    expect(whole.body.items.map((s: { id: string }) => s.id).sort()).toEqual([own.id, other.id].sort());
  });

  it("opens its own province's student and reveals the personal data; another province's is 403", async () => {
    expect((await call('GET', `/admin/students/${own.id}`, as(limburg))).status).toBe(200);
    const refused = await call('GET', `/admin/students/${other.id}`, as(limburg));
    expect(refused.status).toBe(403);
    expect(JSON.stringify(refused.body)).not.toContain(other.lastName);
    expect((await call('GET', `/admin/students/${randomUUID()}`, as(limburg))).status).toBe(404);

    const revealed = await call('POST', `/admin/students/${own.id}/reveal`, as(limburg));
    expect(revealed.status).toBe(200);
    expect(revealed.body.email).toBe(`${own.lastName.toLowerCase()}@leerling.example`);
    const leak = await call('POST', `/admin/students/${other.id}/reveal`, as(limburg));
    expect(leak.status).toBe(403);
    expect(JSON.stringify(leak.body)).not.toContain('@leerling.example');
  });

  it("sees the audit entries of its provinces and its own team, not another province's", async () => {
    expect((await call('POST', `/admin/students/${other.id}/reveal`, as(national))).status).toBe(200);
    expect((await call('POST', `/admin/students/${own.id}/reveal`, as(national))).status).toBe(200);
    const log = await call('GET', '/admin/audit?action=reveal&limit=200', as(limburg));
    expect(log.status).toBe(200);
    const about = (id: string) =>
      log.body.items.filter((e: { subject: { id: string } }) => e.subject.id === id).length;
    expect(about(own.id)).toBeGreaterThanOrEqual(1);
    expect(about(other.id)).toBe(0);
    for (const e of log.body.items) expect(e.subject.provinces ?? ['limburg']).toContain('limburg');
    // The national team sees the entry about the other province.
    const whole = await call('GET', '/admin/audit?action=reveal&limit=200', as(national));
    expect(whole.body.items.some((e: { subject: { id: string } }) => e.subject.id === other.id)).toBe(true);
  });

  it("sees the services of its provinces and the schools with students there, no other's", async () => {
    const list = await call('GET', '/organisations', as(limburg));
    expect(list.status).toBe(200);
    const ids = list.body.items.map((o: { id: string }) => o.id);
    expect(ids).toEqual(
      expect.arrayContaining([limburgService.organisation.id, limburgSchool.organisation.id, team.id]),
    );
    expect(ids).not.toContain(antwerpService.organisation.id);
    expect(ids).not.toContain(antwerpSchool.organisation.id);
    expect(ids).not.toContain(national.organisation.id);
    for (const o of list.body.items) if (o.type === 'service') expect(o.province).toBe('limburg');
    expect((await call('GET', '/organisations?province=antwerpen', as(limburg))).status).toBe(403);

    expect((await call('GET', `/organisations/${limburgService.organisation.id}`, as(limburg))).status).toBe(
      200,
    );
    expect((await call('GET', `/organisations/${limburgSchool.organisation.id}`, as(limburg))).status).toBe(
      200,
    );
    for (const id of [
      antwerpService.organisation.id,
      antwerpSchool.organisation.id,
      national.organisation.id,
    ]) {
      expect((await call('GET', `/organisations/${id}`, as(limburg))).status).toBe(403);
      expect((await call('GET', `/organisations/${id}/members`, as(limburg))).status).toBe(403);
    }
    // It manages its provinces' services, not another's, and cannot move one out of its region.
    const renamed = await call('PATCH', `/organisations/${limburgService.organisation.id}`, {
      ...as(limburg),
      body: { name: `Dienst Hasselt ${tag}` },
    });
    expect(renamed.status).toBe(200);
    const moved = await call('PATCH', `/organisations/${limburgService.organisation.id}`, {
      ...as(limburg),
      body: { province: 'antwerpen' },
    });
    expect(moved.status).toBe(403);
    const foreign = await call('PATCH', `/organisations/${antwerpService.organisation.id}`, {
      ...as(limburg),
      body: { name: 'Overgenomen' },
    });
    expect(foreign.status).toBe(403);
    const services = await call('GET', '/services', as(limburg));
    for (const s of services.body.items) expect(s.province).toBe('limburg');
  });

  it("exports its provinces' students, services and schools only", async () => {
    const students = await exportAndDownload(limburg, { list: 'admin-students', format: 'csv' });
    const text = students.bytes.toString('utf8');
    expect(text).toContain(own.lastName);
    expect(text).not.toContain(other.lastName);
    const rows = parseCsv(text.replace(/^\uFEFF/, ''));
    const column = rows[0]!.indexOf('Stageprovincie');
    expect(column).toBeGreaterThanOrEqual(0);
    for (const row of rows.slice(1)) expect(row[column]).toBe('Limburg');

    const organisations = await exportAndDownload(limburg, { list: 'admin-organisations', format: 'csv' });
    const orgText = organisations.bytes.toString('utf8');
    expect(orgText).toContain(`Dienst Hasselt ${tag}`);
    expect(orgText).toContain(limburgSchool.organisation.name);
    expect(orgText).not.toContain(antwerpService.organisation.name);
    expect(orgText).not.toContain(antwerpSchool.organisation.name);

    const history = await exportAndDownload(limburg, { list: 'admin-history', format: 'csv' });
    expect(history.bytes.toString('utf8')).not.toContain(other.lastName);

    // Its export's audit entry is its own to see.
    const log = await call('GET', '/admin/audit?action=export&limit=200', as(limburg));
    expect(log.body.items.some((e: { id: string }) => e.id === students.id)).toBe(true);
  });

  it('mails the services and schools of its provinces only, and refuses another province', async () => {
    const subject = `Regio Limburg ${tag}`;
    const draft = { to: { group: 'services' }, subject, body: 'Beste dienst,\n\nTot snel.' };
    const refused = await call('POST', '/admin/mailings', {
      ...as(limburg),
      body: { ...draft, to: { group: 'services', province: 'antwerpen' }, send: true },
    });
    expect(refused.status).toBe(403);
    const sent = await call('POST', '/admin/mailings', { ...as(limburg), body: { ...draft, send: true } });
    expect(sent.status).toBe(202);
    const schoolSubject = `Scholen regio Limburg ${tag}`;
    const toSchools = await call('POST', '/admin/mailings', {
      ...as(limburg),
      body: { to: { group: 'schools' }, subject: schoolSubject, body: 'Beste school.', send: true },
    });
    expect(toSchools.status).toBe(202);
    for (let i = 0; i < 3; i++) await runMailings({ now: new Date(), mailer: sesMailer });
    const got = async (u: TestUser, s: string) =>
      (await mailsTo(u.email)).filter((m) => m.subject === s).length;
    expect(await got(limburgService, subject)).toBe(1);
    expect(await got(antwerpService, subject)).toBe(0);
    expect(await got(limburgSchool, schoolSubject)).toBe(1);
    expect(await got(antwerpSchool, schoolSubject)).toBe(0);
  });

  it("releases placements in its provinces only: another province's student is 403 before anything is read of its placement", async () => {
    const release = (id: string) =>
      call('POST', `/admin/students/${id}/release`, { ...as(limburg), body: { reason: 'De dienst sluit.' } });
    // Its own province: allowed to act, and told there is no placement to release.
    expect((await release(own.id)).status).toBe(409);
    expect((await release(other.id)).status).toBe(403);
    const decline = await call('POST', `/admin/students/${other.id}/release-request/decline`, {
      ...as(limburg),
      body: { reason: 'Nee.' },
    });
    expect(decline.status).toBe(403);
    // The national team reaches every province.
    expect(
      (
        await call('POST', `/admin/students/${other.id}/release`, {
          ...as(national),
          body: { reason: 'Test.' },
        })
      ).status,
    ).toBe(409);
  });

  it('has a dashboard of its provinces only', async () => {
    const dash = await call('GET', '/admin/dashboard', as(limburg));
    expect(dash.status).toBe(200);
    expect(dash.body.region).toEqual(['limburg']);
    expect(Object.keys(dash.body.byProvince)).toEqual(['limburg']);
    const list = await call('GET', '/admin/students?limit=1', as(limburg));
    expect(dash.body.totals.entered).toBe(list.body.total);
    const schools = dash.body.nudges.schoolsWithOpenStudents.map((s: { id: string }) => s.id);
    expect(schools).toContain(limburgSchool.organisation.id);
    expect(schools).not.toContain(antwerpSchool.organisation.id);
    for (const s of dash.body.nudges.quietServices) expect(s.province).toBe('limburg');
    const whole = await call('GET', '/admin/dashboard', as(national));
    expect(whole.body.region).toBeNull();
    expect(Object.keys(whole.body.byProvince)).toHaveLength(6);
  });

  it("leaves the whole sector's settings to the national team", async () => {
    expect((await call('PUT', '/tracks/adult/phase', { ...as(limburg), body: { phase: null } })).status).toBe(
      403,
    );
    expect((await call('GET', '/school-years', as(limburg))).status).toBe(403);
    expect((await call('POST', '/admin/dashboard/recount', as(limburg))).status).toBe(403);
    expect((await call('GET', '/notices', as(limburg))).status).toBe(403);
  });
});
