import { beforeAll, describe, expect, it } from 'vitest';
import { runDueEscalations } from '#trajectory/escalations';
import { call } from './helpers/api';
import { latestMailTo, mailsTo, tokenIn } from './helpers/mailbox';
import { createTestUser, GOOD_PASSWORD, type TestUser, uniqueEmail } from './helpers/users';

let admin: TestUser;
const as = (u: TestUser) => ({ token: u.accessToken });
const DAY = 24 * 60 * 60 * 1000;

function validRegistration(managerEmail: string, name = `Thuiszorg ${managerEmail.slice(0, 12)}`) {
  return {
    name,
    email: uniqueEmail('dienst'),
    province: 'antwerpen',
    sector: 'social_profit',
    address: { street: 'Meir 1', postcode: '2000', city: 'Antwerpen' },
    offer: {
      tracks: ['secondary', 'dual'],
      places: 4,
      periods: [{ start: '2026-10-05', end: '2026-11-27' }],
      remarks: '',
    },
    manager: { name: 'Hilde Janssens', email: managerEmail, phone: '03 123 45 67' },
    declaration: {
      mentorsAge25: true,
      mentorsExperience5Years: true,
      goodConduct: true,
      mentorTraining: true,
    },
  };
}

beforeAll(async () => {
  admin = await createTestUser({ role: 'admin' });
});

describe('services register themselves', () => {
  it('a registration is accepted (202), the admin approves, the manager activates from the mail', async () => {
    const manager = uniqueEmail('beheer');
    const body = validRegistration(manager);
    const sent = await call('POST', '/registrations', { body });
    expect(sent.status, JSON.stringify(sent.body)).toBe(202);
    expect((await latestMailTo(manager)).subject).toContain('We ontvingen de registratie');

    const list = await call('GET', '/admin/registrations?status=pending', as(admin));
    const listed = list.body.items.find((r: { id: string }) => r.id === sent.body.id);
    expect(listed).toMatchObject({ name: body.name, status: 'pending', manager: { email: manager } });
    expect(listed.manager.phone).toBeUndefined();

    const approved = await call('POST', `/admin/registrations/${sent.body.id}/approve`, as(admin));
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);
    expect((await call('POST', `/admin/registrations/${sent.body.id}/approve`, as(admin))).status).toBe(409);

    const mail = await latestMailTo(manager);
    expect(mail.subject).toBe(`${body.name} is goedgekeurd als stageplaats`);
    const activated = await call('POST', '/auth/activate', {
      body: { token: tokenIn(mail), password: GOOD_PASSWORD },
    });
    expect(activated.status).toBe(200);
    const me = await call('GET', '/me', { token: activated.body.accessToken });
    expect(me.body).toMatchObject({
      role: 'service',
      organisation: { name: body.name, province: 'antwerpen' },
    });
    expect(me.body.organisations).toEqual([
      { id: approved.body.serviceId, name: body.name, role: 'service' },
    ]);
  });

  it('one registration per e-mail address: a second one is 409 and changes nothing', async () => {
    const manager = uniqueEmail('beheer');
    expect((await call('POST', '/registrations', { body: validRegistration(manager) })).status).toBe(202);
    const again = await call('POST', '/registrations', {
      body: validRegistration(manager.toUpperCase(), 'Tweede'),
    });
    expect(again.status).toBe(409);
    expect(again.body.details[0].path).toBe('manager.email');
    const all = await call('GET', '/admin/registrations', as(admin));
    expect(
      all.body.items.filter((r: { manager: { email: string } }) => r.manager.email === manager),
    ).toHaveLength(1);
  });

  it('refuses a form without the mentor declaration, field by field, in Dutch', async () => {
    const body = validRegistration(uniqueEmail('beheer'));
    const res = await call('POST', '/registrations', {
      body: {
        ...body,
        declaration: { mentorsAge25: true, goodConduct: false },
        offer: { ...body.offer, tracks: [] },
      },
    });
    expect(res.status).toBe(400);
    expect(res.body.details).toEqual(
      expect.arrayContaining([
        { path: 'offer.tracks', in: 'body', message: 'Kies minstens één soort stage.' },
        {
          path: 'declaration.mentorsExperience5Years',
          in: 'body',
          message: 'Bevestig dat de mentoren minstens 5 jaar ervaring hebben.',
        },
        {
          path: 'declaration.goodConduct',
          in: 'body',
          message: 'Bevestig dat de mentoren een attest van goed gedrag en zeden hebben.',
        },
      ]),
    );
  });

  it('a rejection sends the reason and frees the address for a new registration', async () => {
    const manager = uniqueEmail('beheer');
    const sent = await call('POST', '/registrations', { body: validRegistration(manager) });
    const noReason = await call('POST', `/admin/registrations/${sent.body.id}/reject`, {
      ...as(admin),
      body: {},
    });
    expect(noReason.status).toBe(400);
    const rejected = await call('POST', `/admin/registrations/${sent.body.id}/reject`, {
      ...as(admin),
      body: { reason: 'De mentoren hebben nog geen opleiding gepland.' },
    });
    expect(rejected.status).toBe(200);
    const mail = await latestMailTo(manager);
    expect(mail.subject).toContain('niet goedgekeurd');
    expect(mail.body.text).toContain('De mentoren hebben nog geen opleiding gepland.');
    expect((await call('POST', '/registrations', { body: validRegistration(manager) })).status).toBe(202);
  });

  it('only the admin lists and decides', async () => {
    const service = await createTestUser({ role: 'service' });
    expect((await call('GET', '/admin/registrations', as(service))).status).toBe(403);
    expect((await call('POST', '/admin/registrations/x/approve', as(service))).status).toBe(403);
    expect((await call('GET', '/admin/registrations')).status).toBe(401);
  });

  it('a registration pending for 10 days reminds the admin once, however often the job runs', async () => {
    const body = validRegistration(uniqueEmail('beheer'));
    const sent = await call('POST', '/registrations', { body });
    expect(sent.status).toBe(202);
    const reminders = async () =>
      (await mailsTo(admin.email)).filter(
        (m) => m.subject.includes('10 dagen') && m.body.text?.includes(body.name),
      );

    await runDueEscalations(new Date(Date.now() + 9 * DAY));
    expect(await reminders()).toHaveLength(0);
    const later = new Date(Date.now() + 11 * DAY);
    await Promise.all([runDueEscalations(later), runDueEscalations(later)]);
    await runDueEscalations(new Date(Date.now() + 12 * DAY));
    expect(await reminders()).toHaveLength(1);
  });
});
