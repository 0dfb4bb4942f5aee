import { beforeAll, describe, expect, it } from 'vitest';
import { call } from './helpers/api';
import { placedStudent, supervisorOf } from './helpers/requests';
import { createTestUser, type TestUser } from './helpers/users';

let school: TestUser;
let service: TestUser;
let otherService: TestUser;
let admin: TestUser;
let supervisorId: string;

const as = (u: TestUser) => ({ token: u.accessToken });
const today = new Date().toISOString().slice(0, 10);
// Periods that ended: the service may give its final evaluation.
const pastPeriods = {
  internship: {
    form: 'block',
    hoursPerWeek: 19,
    totalHours: 300,
    periods: [
      { start: '2025-10-06', end: '2025-10-31' },
      { start: '2026-02-02', end: '2026-02-27' },
    ],
    remarks: '',
  },
};

async function place(overrides: Record<string, unknown> = {}) {
  const base = { ...pastPeriods, ...overrides };
  const internship = { ...(base.internship as object), supervisorId };
  return placedStudent(school, supervisorId, service, { ...base, internship });
}

beforeAll(async () => {
  [school, service, otherService, admin] = await Promise.all([
    createTestUser({ role: 'school' }),
    createTestUser({ role: 'service' }),
    createTestUser({ role: 'service' }),
    createTestUser({ role: 'admin' }),
  ]);
  supervisorId = await supervisorOf(school);
});

describe('hours', () => {
  it('the service records home care, the school other contexts; both see the rule move to voldaan', async () => {
    const id = await place();
    const byService = await call('POST', `/students/${id}/hours`, {
      ...as(service),
      body: { date: today, hours: 120 },
    });
    expect(byService.status, JSON.stringify(byService.body)).toBe(201);
    expect(byService.body.entry.context).toBe('home_care');

    const bySchool = await call('POST', `/students/${id}/hours`, {
      ...as(school),
      body: { date: today, hours: 100, context: 'hospital' },
    });
    expect(bySchool.status).toBe(201);

    const schoolView = await call('GET', `/students/${id}`, as(school));
    expect(schoolView.body.hours).toMatchObject({
      total: 220,
      planned: 300,
      byContext: { home_care: 120, hospital: 100, residential_elderly_care: 0, other: 0 },
      rule: { met: false, reason: 'nog 80 uur' },
    });
    const serviceView = await call('GET', `/requests/${id}`, as(service));
    expect(serviceView.body.hours).toEqual(schoolView.body.hours);

    await call('POST', `/students/${id}/hours`, {
      ...as(school),
      body: { date: today, hours: 80, context: 'other' },
    });
    const list = await call('GET', '/students', as(school));
    const row = list.body.items.find((s: { id: string }) => s.id === id);
    expect(row.hours.rule).toEqual({ met: true, reason: 'voldaan' });
    expect(row.hours.total).toBe(300);
  });

  it('refuses a service context other than home care, a school entry without context, and a future date', async () => {
    const id = await place();
    const wrong = await call('POST', `/students/${id}/hours`, {
      ...as(service),
      body: { date: today, hours: 8, context: 'hospital' },
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.details).toEqual([
      { path: 'context', in: 'body', message: 'Een dienst registreert enkel uren in de thuiszorg.' },
    ]);
    const noContext = await call('POST', `/students/${id}/hours`, {
      ...as(school),
      body: { date: today, hours: 8 },
    });
    expect(noContext.status).toBe(400);
    expect(noContext.body.details[0].path).toBe('context');
    const future = await call('POST', `/students/${id}/hours`, {
      ...as(service),
      body: { date: '2099-01-01', hours: 8 },
    });
    expect(future.status).toBe(400);
    expect(future.body.details[0]).toMatchObject({ path: 'date', message: 'De datum ligt in de toekomst.' });
    const bad = await call('POST', `/students/${id}/hours`, {
      ...as(service),
      body: { date: 'gisteren', hours: -1 },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.details.map((d: { path: string }) => d.path).sort()).toEqual(['date', 'hours']);
    const trajectory = await call('GET', `/students/${id}/trajectory`, as(school));
    expect(trajectory.body.entries).toEqual([]);
  });

  it('another service and another school see and record nothing', async () => {
    const id = await place();
    const otherSchool = await createTestUser({ role: 'school' });
    for (const user of [otherService, otherSchool]) {
      const res = await call('POST', `/students/${id}/hours`, {
        ...as(user),
        body: { date: today, hours: 5, context: 'home_care' },
      });
      expect(res.status).toBe(404);
      expect((await call('GET', `/students/${id}/trajectory`, as(user))).status).toBe(404);
    }
    expect(
      (await call('POST', `/students/${id}/hours`, { ...as(admin), body: { date: today, hours: 5 } })).status,
    ).toBe(403);
  });
});

describe('evaluation gates', () => {
  it('remote supervision is refused (422) until a positive interim evaluation, and again after a negative one', async () => {
    const id = await place();
    const remote = () =>
      call('PUT', `/students/${id}/remote-supervision`, { ...as(service), body: { on: true } });
    expect((await remote()).status).toBe(422);

    const negative = await call('POST', `/students/${id}/evaluations`, {
      ...as(service),
      body: { kind: 'interim', verdict: 'negative', text: 'Nog onzeker bij de verzorging.' },
    });
    expect(negative.status).toBe(201);
    expect((await remote()).status).toBe(422);

    await call('POST', `/students/${id}/evaluations`, {
      ...as(service),
      body: { kind: 'interim', verdict: 'positive', text: 'Werkt zelfstandig.' },
    });
    const on = await remote();
    expect(on.status).toBe(200);
    expect(on.body.on).toBe(true);

    const view = await call('GET', `/students/${id}/trajectory`, as(school));
    expect(view.body.remoteSupervision).toMatchObject({ on: true, allowed: true });
    expect(view.body.evaluations.map((e: { verdict: string }) => e.verdict)).toEqual([
      'negative',
      'positive',
    ]);
    // Only the service switches it.
    expect(
      (await call('PUT', `/students/${id}/remote-supervision`, { ...as(school), body: { on: true } })).status,
    ).toBe(403);
  });

  it('a negative interim evaluation by the school blocks remote supervision too', async () => {
    const id = await place();
    await call('POST', `/students/${id}/evaluations`, {
      ...as(service),
      body: { kind: 'interim', verdict: 'positive', text: 'Goed bezig.' },
    });
    await call('POST', `/students/${id}/evaluations`, {
      ...as(school),
      body: { kind: 'interim', verdict: 'negative', text: 'Het verslag ontbreekt.' },
    });
    const res = await call('PUT', `/students/${id}/remote-supervision`, {
      ...as(service),
      body: { on: true },
    });
    expect(res.status).toBe(422);
    expect(res.body.message).toContain('positieve tussentijdse evaluatie');
  });

  it('the final evaluation waits for the end of the last period; the school completes only when both exist', async () => {
    const running = await place({
      internship: { ...pastPeriods.internship, periods: [{ start: '2026-01-05', end: '2099-06-30' }] },
    });
    const early = await call('POST', `/students/${running}/evaluations`, {
      ...as(service),
      body: { kind: 'final', verdict: 'positive', text: 'Klaar.' },
    });
    expect(early.status).toBe(422);
    expect(early.body.message).toContain('30/06/2099');

    const id = await place();
    const complete = () => call('POST', `/students/${id}/complete`, as(school));
    expect((await complete()).status).toBe(422);
    const schoolFinal = await call('POST', `/students/${id}/evaluations`, {
      ...as(school),
      body: { kind: 'final', verdict: 'positive', text: 'Goed.' },
    });
    expect(schoolFinal.status).toBe(422);

    const final = await call('POST', `/students/${id}/evaluations`, {
      ...as(service),
      body: { kind: 'final', verdict: 'positive', text: 'Een sterke stagiair.' },
    });
    expect(final.status).toBe(201);
    expect((await complete()).status).toBe(422); // no interim evaluation yet
    await call('POST', `/students/${id}/evaluations`, {
      ...as(school),
      body: { kind: 'interim', verdict: 'positive', text: 'In orde.' },
    });
    const done = await complete();
    expect(done.status).toBe(200);
    expect((await complete()).status).toBe(409);
    // A completed trajectory takes no more hours.
    expect(
      (await call('POST', `/students/${id}/hours`, { ...as(service), body: { date: today, hours: 4 } }))
        .status,
    ).toBe(409);

    const view = await call('GET', `/students/${id}/trajectory`, as(school));
    expect(view.body.completedAt).toBe(done.body.completedAt);
    expect(view.body.evaluations.map((e: { by: string; kind: string }) => `${e.by}:${e.kind}`)).toEqual([
      'service:final',
      'school:interim',
    ]);
  });

  it('validates the evaluation and shows the admin the counts, not the texts', async () => {
    const bad = await call('POST', `/students/${await place()}/evaluations`, {
      ...as(service),
      body: { kind: 'halfway', verdict: 'ok', text: '' },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.details.map((d: { path: string }) => d.path).sort()).toEqual(['kind', 'text', 'verdict']);

    const counts = await call('GET', '/admin/evaluations', as(admin));
    expect(counts.status).toBe(200);
    expect(counts.body.interim.positive).toBeGreaterThan(0);
    expect(counts.body.completed).toBeGreaterThan(0);
    expect(JSON.stringify(counts.body)).not.toContain('stagiair');
    expect((await call('GET', '/admin/evaluations', as(school))).status).toBe(403);
  });
});

/** A dual learner of a new dual school, placed at a new service for the school year. */
async function placedDualLearner() {
  const dualSchool = await createTestUser({ role: 'school' });
  await call('PATCH', `/organisations/${dualSchool.organisation.id}`, {
    ...as(admin),
    body: { tracks: ['secondary', 'dual'] },
  });
  const sup = await supervisorOf(dualSchool);
  const dualService = await createTestUser({ role: 'service' });
  const id = await placedStudent(dualSchool, sup, dualService, {
    track: 'dual',
    internship: {
      supervisorId: sup,
      form: 'alternating',
      totalHours: 600,
      weekdays: ['monday', 'tuesday'],
      periods: [{ start: '2026-09-01', end: '2027-06-30' }],
      remarks: '',
    },
  });
  return { dualService, id };
}

describe('dual yearly report', () => {
  it('lists per dual learner the hours at this service in the school year and the contract dates', async () => {
    const { dualService, id } = await placedDualLearner();
    const contract = await call('PUT', `/students/${id}/training-contract`, {
      ...as(dualService),
      body: { start: '2026-09-01', end: '2027-06-30' },
    });
    expect(contract.status, JSON.stringify(contract.body)).toBe(200);
    await call('POST', `/students/${id}/hours`, { ...as(dualService), body: { date: today, hours: 16 } });
    await call('POST', `/students/${id}/hours`, { ...as(dualService), body: { date: today, hours: 8.5 } });

    const report = await call('GET', '/dual-report', as(dualService));
    expect(report.status).toBe(200);
    const inYear = today >= '2026-09-01' && today <= '2027-08-31';
    expect(report.body.rows).toEqual([
      expect.objectContaining({
        studentId: id,
        hours: inYear ? 24.5 : 0,
        contractStart: '2026-09-01',
        contractEnd: '2027-06-30',
      }),
    ]);
    expect(JSON.stringify(report.body)).not.toMatch(/nationalNumber|@/);
    expect((await call('GET', '/dual-report', as(service))).body.rows).toEqual([]);
  });

  it('two changes of one training contract at the same moment: one is written, the other answers 409', async () => {
    const { dualService, id } = await placedDualLearner();
    const stored = async () =>
      (await call('GET', '/dual-report', as(dualService))).body.rows[0].contractEnd as string;
    const ends = ['2027-05-31', '2027-06-30'];
    // Both requests read the student before either writes, as a rule; when one happens to finish
    // before the other reads, both are written one after the other (200, 200), and we race again.
    let raced = false;
    for (let round = 0; round < 5 && !raced; round++) {
      const results = await Promise.all(
        ends.map((end) =>
          call('PUT', `/students/${id}/training-contract`, {
            ...as(dualService),
            body: { start: '2026-09-01', end },
          }),
        ),
      );
      const codes = results.map((r) => r.status);
      expect(codes, JSON.stringify(results.map((r) => r.body))).toContain(200);
      for (const code of codes) expect([200, 409]).toContain(code);
      if (!codes.includes(409)) continue;
      raced = true;
      expect(results.find((r) => r.status === 409)!.body.message).toMatch(/intussen door iemand anders/);
      // The stored contract is the one that was answered 200.
      expect(await stored()).toBe(ends[codes.indexOf(200)]);
    }
    expect(raced).toBe(true);
  });
});
