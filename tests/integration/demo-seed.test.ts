import { describe, expect, it } from 'vitest';
import { isValidNationalNumber } from '#contract/national-number';
import { provinceOfPostcode } from '#contract/provinces';
import { DEMO_PASSWORD, demoWorld } from '#local/demo/generate';
import { seedDemo } from '#local/demo/seed';
import { contacts as contactsRepo } from '#people/contacts';
import { getStudent } from '#students/store';
import { call } from './helpers/api';

describe('demo data', () => {
  it('is a believable school year, created once however often it runs', { timeout: 120_000 }, async () => {
    const world = demoWorld();
    expect(world.services).toHaveLength(40);
    expect(world.schools.filter((s) => s.tracks?.[0] === 'secondary')).toHaveLength(30);
    expect(world.schools.filter((s) => s.tracks?.[0] === 'adult')).toHaveLength(30);
    expect(world.schools.filter((s) => s.tracks?.[0] === 'dual')).toHaveLength(30);
    expect(new Set(world.services.map((s) => s.province)).size).toBe(6);
    for (const s of world.students) {
      const input = s.input as { nationalNumber: string; address: { postcode: string } };
      expect(isValidNationalNumber(input.nationalNumber)).toBe(true);
      expect(provinceOfPostcode(input.address.postcode)).not.toBeNull();
    }

    const first = await seedDemo('2026-2027');
    expect(first.created).toEqual({
      organisations: 130,
      logins: 130,
      supervisors: world.supervisors.length,
      students: 600,
      contacts: world.contacts.length,
      placements: 2,
    });
    const second = await seedDemo('2026-2027');
    expect(second.created).toEqual({
      organisations: 0,
      logins: 0,
      supervisors: 0,
      students: 0,
      contacts: 0,
      placements: 0,
    });
    expect(world.services.filter((s) => s.sector === 'local_government').length).toBeGreaterThan(0);
    expect(
      world.students.filter((s) => (s.input as { track: string }).track === 'dual').length,
    ).toBeGreaterThan(0);
    // The demo's full mentor: two dual learners at a social-profit service.
    const full = await contactsRepo.get(world.services[0]!.id, `${world.services[0]!.id}-mentor-1`);
    expect(world.services[0]!.sector).toBe('social_profit');
    expect(Object.keys(full?.learners ?? {})).toHaveLength(2);

    const login = await call('POST', '/auth/login', {
      body: { email: world.logins[40]!.email, password: DEMO_PASSWORD },
    });
    expect(login.status).toBe(200);
    const me = await call('GET', '/me', { token: login.body.accessToken });
    expect(me.body).toMatchObject({ role: 'school', organisation: { id: world.logins[40]!.organisationId } });
    const list = await call('GET', '/students', { token: login.body.accessToken });
    expect(list.body.total).toBe(
      world.students.filter((s) => s.schoolId === world.logins[40]!.organisationId).length,
    );

    // The summer blackout holds the 7th year only (the year's data): such a student entered in
    // the summer waits until 19 September.
    const summer = await Promise.all(
      world.students
        .filter((s) => s.registeredAt >= '2026-06-30T10:00' && s.registeredAt < '2026-08-15T10:00')
        .map((s) => getStudent(s.id)),
    );
    const seventh = summer.filter((s) => s?.programme === 'seventh_year');
    expect(seventh.length).toBeGreaterThan(0);
    expect(seventh[0]!.visibleFrom).toBe('2026-09-18T22:00:00.000Z');
  });
});
