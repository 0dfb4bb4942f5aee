import { describe, expect, it } from 'vitest';
import { call } from './helpers/api';
import { nationalNumber, validStudent } from './helpers/students';
import { createTestUser, type TestUser } from './helpers/users';

const as = (u: TestUser) => ({ token: u.accessToken });

async function schoolWithSupervisor() {
  const school = await createTestUser({ role: 'school' });
  const sup = await call('POST', '/supervisors', {
    ...as(school),
    body: { name: 'Begeleider Bea', phone: '050 12 34 56', email: 'bea@school.example' },
  });
  return { school, supervisorId: sup.body.id as string };
}

describe('duplicate-number notices', () => {
  it('the admin marks a notice handled: it stays listed, with who and when, and the audit says so', async () => {
    const admin = await createTestUser({ role: 'admin' });
    const [a, b] = await Promise.all([schoolWithSupervisor(), schoolWithSupervisor()]);
    const nn = nationalNumber();
    const first = await call('POST', '/students', {
      ...as(a.school),
      body: validStudent(a.supervisorId, { nationalNumber: nn }),
    });
    const second = await call('POST', '/students', {
      ...as(b.school),
      body: validStudent(b.supervisorId, { nationalNumber: nn }),
    });
    expect([first.status, second.status]).toEqual([201, 201]);

    const find = async () =>
      (await call('GET', '/notices', as(admin))).body.items.find(
        (n: { studentId: string }) => n.studentId === second.body.id,
      );
    const notice = await find();
    expect(notice.schoolName).toBe(b.school.organisation.name);
    // Other files' students may share the test number: ours must be among the others named.
    expect(notice.otherStudents).toContainEqual(
      expect.objectContaining({ studentId: first.body.id, schoolName: a.school.organisation.name }),
    );
    expect(notice.handledAt ?? null).toBeNull();

    expect((await call('POST', `/notices/${notice.id}/handled`, as(a.school))).status).toBe(403);
    expect((await call('POST', '/notices/bestaat-niet/handled', as(admin))).status).toBe(404);
    const handled = await call('POST', `/notices/${notice.id}/handled`, as(admin));
    expect(handled.status).toBe(200);
    expect(handled.body).toMatchObject({ id: notice.id, handledBy: { id: admin.person.id } });
    expect(await find()).toMatchObject({
      handledAt: handled.body.handledAt,
      handledBy: { id: admin.person.id },
    });
    // A second click changes nothing: the first mark stays.
    const again = await call('POST', `/notices/${notice.id}/handled`, as(admin));
    expect(again.body.handledAt).toBe(handled.body.handledAt);

    const log = await call('GET', '/admin/audit?action=notice.handled&limit=200', as(admin));
    expect(log.body.items).toContainEqual(
      expect.objectContaining({ subject: expect.objectContaining({ kind: 'notice', id: notice.id }) }),
    );
  });
});
