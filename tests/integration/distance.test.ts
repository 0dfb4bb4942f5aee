import { beforeAll, describe, expect, it } from 'vitest';
import { call } from './helpers/api';
import { supervisorOf } from './helpers/requests';
import { validStudent } from './helpers/students';
import { createTestUser, type TestUser } from './helpers/users';

/** The services' list in kilometres: from the service's postcode (Gent, 9000) to each student's. */

let admin: TestUser;
let school: TestUser;
let service: TestUser;
let supervisorId: string;
const as = (user: TestUser) => ({ token: user.accessToken });
const family = `Afstand${Date.now().toString(36)}`;

const enter = async (firstName: string, postcode: string, city: string, province: string) => {
  const res = await call('POST', '/students', {
    ...as(school),
    body: validStudent(supervisorId, {
      firstName,
      lastName: family,
      address: { street: 'Markt 1', postcode, city },
      province,
    }),
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
};

const list = async (query: string) => {
  const res = await call('GET', `/requests?track=secondary&name=${family}${query}`, as(service));
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body as { items: { firstName: string; distanceKm: number | null }[]; total: number };
};

beforeAll(async () => {
  [admin, school, service] = await Promise.all([
    createTestUser({ role: 'admin' }),
    createTestUser({ role: 'school' }),
    createTestUser({ role: 'service' }),
  ]);
  const res = await call('PUT', '/tracks/secondary/phase', { ...as(admin), body: { phase: 'all' } });
  expect(res.status).toBe(200);
  supervisorId = await supervisorOf(school);
  await enter('Brugge', '8000', 'Brugge', 'west-vlaanderen');
  await enter('Gent', '9000', 'Gent', 'oost-vlaanderen');
  await enter('Hasselt', '3500', 'Hasselt', 'limburg');
  await enter('Aalst', '9300', 'Aalst', 'oost-vlaanderen');
});

describe('distance on the services list', () => {
  it('every row carries the distance in km from the service to the student', async () => {
    const { items } = await list('');
    const km = Object.fromEntries(items.map((i) => [i.firstName, i.distanceKm]));
    expect(km.Gent).toBe(0);
    expect(km.Brugge).toBeGreaterThanOrEqual(38);
    expect(km.Brugge).toBeLessThanOrEqual(40);
    expect(km.Aalst).toBeGreaterThan(10);
    expect(km.Aalst).toBeLessThan(30);
    expect(km.Hasselt).toBeGreaterThan(50);
  });

  it('sorts nearest first and filters within 10, 25 or 50 km, with the other filters', async () => {
    expect((await list('&sort=distance')).items.map((i) => i.firstName)).toEqual([
      'Gent',
      'Aalst',
      'Brugge',
      'Hasselt',
    ]);
    expect((await list('&withinKm=10')).items.map((i) => i.firstName)).toEqual(['Gent']);
    const within50 = await list('&withinKm=50&sort=distance');
    expect(within50.items.map((i) => i.firstName)).toEqual(['Gent', 'Aalst', 'Brugge']);
    expect(within50.total).toBe(3);
    const westOnly = await list('&withinKm=50&province=west-vlaanderen');
    expect(westOnly.items.map((i) => i.firstName)).toEqual(['Brugge']);
  });

  it('refuses another radius, in Dutch', async () => {
    const res = await call('GET', `/requests?track=secondary&withinKm=30`, as(service));
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toContain('Kies 10, 25 of 50 km.');
  });
});
