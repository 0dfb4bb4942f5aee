import { beforeAll, describe, expect, it } from 'vitest';
import { routes } from '#http/routes';
import { call } from './helpers/api';
import { createTestUser, type TestUser, uniqueEmail } from './helpers/users';

let admin: TestUser;
let school: TestUser;
let service: TestUser;

beforeAll(async () => {
  [admin, school, service] = await Promise.all([
    createTestUser({ role: 'admin' }),
    createTestUser({ role: 'school' }),
    createTestUser({ role: 'service' }),
  ]);
});

const adminRoutes = routes.filter((r) => !r.public && r.roles.length === 1 && r.roles[0] === 'admin');
const concrete = (path: string) =>
  path.replace('{id}', 'x').replace('{memberId}', 'y').replace('{track}', 'secondary');

const service1 = () => ({
  type: 'service',
  name: `Zorgdienst Ålst ${Math.random().toString(36).slice(2, 6)}`,
  email: uniqueEmail('dienst'),
  province: 'oost-vlaanderen',
  sector: 'local_government',
  address: { street: 'Grote Markt 3', postcode: '9300', city: 'Aalst' },
});

describe('admin routes', () => {
  it('exist for every organisation and member operation, the calendar, the phase override, and the sector view', () => {
    expect(adminRoutes.map((r) => `${r.method} ${r.path}`).sort()).toEqual(
      expect.arrayContaining([
        'DELETE /api/organisations/{id}/members/{memberId}',
        'GET /api/notices',
        'GET /api/organisations',
        'GET /api/organisations/{id}',
        'GET /api/organisations/{id}/members',
        'PATCH /api/organisations/{id}',
        'POST /api/organisations',
        'POST /api/organisations/{id}/members',
        'PUT /api/tracks/{track}/phase',
        'DELETE /api/school-year/rounds/{id}',
        'GET /api/admin/mail-failures',
        'POST /api/school-year/rounds',
        'POST /api/school-year/rounds/{id}/reminders',
        'PUT /api/school-year/rounds/{id}',
        'GET /api/admin/students',
        'GET /api/admin/students/{id}',
        'POST /api/admin/students/{id}/reveal',
        'GET /api/admin/dashboard',
        'GET /api/admin/audit',
        'POST /api/admin/imports',
        'POST /api/admin/mailings',
        'GET /api/admin/evaluations',
        'GET /api/admin/registrations',
        'POST /api/admin/registrations/{id}/approve',
        'POST /api/admin/registrations/{id}/reject',
      ]),
    );
  });

  it.each(adminRoutes.map((r) => [r.method, r.path] as const))(
    '%s %s: 401 without a token, 403 for schools and services',
    async (method, path) => {
      const url = concrete(path).replace(/^\/api/, '');
      const body = method === 'GET' || method === 'DELETE' ? undefined : {};
      expect((await call(method, url, { body })).status).toBe(401);
      for (const user of [school, service]) {
        const res = await call(method, url, { token: user.accessToken, body });
        expect(res.status, user.organisation.type).toBe(403);
        expect(res.body.error).toBe('FORBIDDEN');
      }
    },
  );
});

describe('organisations', () => {
  it('creates a service and a school, reads and lists them with filters', async () => {
    const created = await call('POST', '/organisations', { token: admin.accessToken, body: service1() });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      type: 'service',
      province: 'oost-vlaanderen',
      active: true,
      id: expect.any(String),
    });

    const one = await call('GET', `/organisations/${created.body.id}`, { token: admin.accessToken });
    expect(one.body).toEqual(created.body);

    const byProvince = await call('GET', '/organisations?type=service&province=oost-vlaanderen', {
      token: admin.accessToken,
    });
    expect(byProvince.body.items.map((o: { id: string }) => o.id)).toContain(created.body.id);
    expect(
      byProvince.body.items.every(
        (o: { type: string; province: string }) => o.type === 'service' && o.province === 'oost-vlaanderen',
      ),
    ).toBe(true);

    const elsewhere = await call('GET', '/organisations?province=limburg', { token: admin.accessToken });
    expect(elsewhere.body.items.map((o: { id: string }) => o.id)).not.toContain(created.body.id);

    const byName = await call('GET', `/organisations?q=${encodeURIComponent('zorgdienst alst')}`, {
      token: admin.accessToken,
    });
    expect(byName.body.items.map((o: { id: string }) => o.id)).toContain(created.body.id);
  });

  it('refuses bad input with every wrong field named', async () => {
    const res = await call('POST', '/organisations', {
      token: admin.accessToken,
      body: { ...service1(), province: 'henegouwen', sector: 'x', email: 'geen-mail' },
    });
    expect(res.status).toBe(400);
    expect(res.body.details.map((d: { path: string }) => d.path).sort()).toEqual([
      'email',
      'province',
      'sector',
    ]);
    expect(
      (
        await call('POST', '/organisations', {
          token: admin.accessToken,
          body: { ...service1(), type: 'admin' },
        })
      ).status,
    ).toBe(400);
    const bad = await call('GET', '/organisations?province=atlantis', { token: admin.accessToken });
    expect(bad.body.details).toEqual([expect.objectContaining({ path: 'province', in: 'query' })]);
  });

  it('edits an organisation, refusing fields that do not belong to its kind', async () => {
    const created = await call('POST', '/organisations', { token: admin.accessToken, body: service1() });
    const renamed = await call('PATCH', `/organisations/${created.body.id}`, {
      token: admin.accessToken,
      body: { name: 'Nieuwe naam', province: 'limburg' },
    });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ name: 'Nieuwe naam', province: 'limburg' });
    const wrong = await call('PATCH', `/organisations/${created.body.id}`, {
      token: admin.accessToken,
      body: { tracks: ['dual'] },
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.details).toEqual([expect.objectContaining({ path: 'tracks' })]);
  });

  it('answers 404 for an organisation that does not exist', async () => {
    expect((await call('GET', '/organisations/bestaat-niet', { token: admin.accessToken })).status).toBe(404);
    expect(
      (await call('GET', '/organisations/bestaat-niet/members', { token: admin.accessToken })).status,
    ).toBe(404);
    expect(
      (
        await call('DELETE', `/organisations/${school.organisation.id}/members/bestaat-niet`, {
          token: admin.accessToken,
        })
      ).status,
    ).toBe(404);
  });

  it('lists the people of an organisation without secrets', async () => {
    const res = await call('GET', `/organisations/${school.organisation.id}/members`, {
      token: admin.accessToken,
    });
    expect(res.status).toBe(200);
    expect(res.body.items).toEqual([expect.objectContaining({ email: school.email, status: 'active' })]);
    expect(JSON.stringify(res.body)).not.toMatch(/sub|TokenHash/);
  });
});
