import { expect } from 'vitest';
import { acceptStudent } from '#requests/decisions-store';
import { countedOf } from '#statistics/counted';
import { getStudent } from '#students/store';
import { call } from './api';
import { validStudent } from './students';
import type { TestUser } from './users';

/**
 * A student entered by the school and placed with the service, without touching the round phase
 * (other files change it in parallel): the same acceptance transaction the decision route uses.
 */
export async function placedStudent(
  school: TestUser,
  supervisorId: string,
  service: TestUser,
  overrides: Record<string, unknown> = {},
) {
  const res = await call('POST', '/students', {
    token: school.accessToken,
    body: validStudent(supervisorId, overrides),
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  const contact = await call('POST', '/contacts', {
    token: service.accessToken,
    body: { name: 'Mentor Mieke', phone: '050 11 22 33', email: 'mieke@dienst.example' },
  });
  expect(contact.status).toBe(201);
  const now = new Date().toISOString();
  await acceptStudent(
    {
      studentId: res.body.id,
      serviceId: service.organisation.id,
      status: 'accepted',
      decidedAt: now,
      decidedBy: service.person.id,
    },
    {
      serviceId: service.organisation.id,
      serviceName: service.organisation.name,
      contact: { name: 'Mentor Mieke', phone: '050 11 22 33', email: 'mieke@dienst.example' },
      periods: [0, 1],
      notes: '',
      acceptedAt: now,
      acceptedBy: service.person.id,
    },
    contact.body.id,
    // The counters move as in the decision route, from the student as stored.
    countedOf((await getStudent(res.body.id))!),
  );
  return res.body.id as string;
}

export async function supervisorOf(school: TestUser): Promise<string> {
  const sup = await call('POST', '/supervisors', {
    token: school.accessToken,
    body: { name: 'Begeleider Bart', phone: '050 12 34 56', email: 'bart@school.example' },
  });
  expect(sup.status).toBe(201);
  return sup.body.id;
}
