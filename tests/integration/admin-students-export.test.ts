import { beforeAll, describe, expect, it } from 'vitest';
import { call } from './helpers/api';
import { csvRows, exportAndDownload } from './helpers/exports';
import { validStudent } from './helpers/students';
import { createTestUser, type TestUser } from './helpers/users';

let admin: TestUser;
let school: TestUser;
const as = (u: TestUser) => ({ token: u.accessToken });

beforeAll(async () => {
  [admin, school] = await Promise.all([
    createTestUser({ role: 'admin' }),
    createTestUser({ role: 'school' }),
  ]);
  const sup = await call('POST', '/supervisors', {
    ...as(school),
    body: { name: 'Begeleider Bea', phone: '050 12 34 56', email: 'bea@school.example' },
  });
  for (const [lastName, province, postcode] of [
    ['Filterman', 'west-vlaanderen', '8000'],
    ['Filtervrouw', 'limburg', '3500'],
    ['Anders', 'west-vlaanderen', '8000'],
  ] as const) {
    const res = await call('POST', '/students', {
      ...as(school),
      body: validStudent(sup.body.id, {
        lastName,
        province,
        address: { street: 'Markt 1', postcode, city: 'Ergens' },
      }),
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
  }
});

describe("the all-students page's export", () => {
  it('holds exactly what the filters of the page select, with the status counts as columns', async () => {
    // The page's own query: school, name, province and status, as the list takes them.
    const filters = {
      school: school.organisation.name,
      name: 'filter',
      province: 'west-vlaanderen',
      status: 'open',
    };
    const list = await call('GET', `/admin/students?${new URLSearchParams(filters)}`, as(admin));
    expect(list.body.items.map((s: { lastName: string }) => s.lastName)).toEqual(['Filterman']);

    const file = await exportAndDownload(admin, { list: 'admin-students', format: 'csv', filters });
    const [header, ...rows] = csvRows(file);
    expect(rows.map((r) => r[1])).toEqual(['Filterman']);
    expect(header).toContain('Aantal keer aanvaard');
    expect(rows[0]![header!.indexOf('Aantal keer aanvaard')]).toBe('0');

    const everyone = await exportAndDownload(admin, {
      list: 'admin-students',
      format: 'csv',
      filters: { school: school.organisation.name },
    });
    expect(
      csvRows(everyone)
        .slice(1)
        .map((r) => r[1]),
    ).toEqual(['Anders', 'Filterman', 'Filtervrouw']);
  });
});
