import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { runMailings } from '#mailings/run';
import { sesMailer } from '#platform/mailer';
import { call } from './helpers/api';
import { mailsTo } from './helpers/mailbox';
import { createTestOrganisation, createTestUser, type TestUser } from './helpers/users';

let admin: TestUser;
const as = (u: TestUser) => ({ token: u.accessToken });

async function serviceIn(province: string): Promise<TestUser> {
  const org = await createTestOrganisation('service');
  await call('PATCH', `/organisations/${org.id}`, { ...as(admin), body: { province } });
  return createTestUser({ organisation: { ...org, province: province as never } });
}

beforeAll(async () => {
  admin = await createTestUser({ role: 'admin' });
});

describe("the admin's own mailing", () => {
  it('previews the recipients, then reaches every person of the group once, however often it is sent', async () => {
    const [a, b, elsewhere] = await Promise.all([
      serviceIn('limburg'),
      serviceIn('limburg'),
      serviceIn('antwerpen'),
    ]);
    const subject = `Nieuws voor Limburg ${randomUUID().slice(0, 6)}`;
    const draft = {
      to: { group: 'services', province: 'limburg' },
      subject,
      body: 'Beste dienst,\n\nDe ronde loopt goed.\n\nTot snel.',
    };
    const preview = await call('POST', '/admin/mailings', { ...as(admin), body: draft });
    expect(preview.status).toBe(200);
    expect(preview.body.recipients).toBeGreaterThanOrEqual(2);
    // A preview sends nothing.
    await runMailings({ now: new Date(), mailer: sesMailer });
    expect((await mailsTo(a.email)).filter((m) => m.subject === subject)).toEqual([]);

    const id = randomUUID();
    const sent = await call('POST', '/admin/mailings', { ...as(admin), body: { ...draft, id, send: true } });
    expect(sent.status).toBe(202);
    expect(sent.body).toMatchObject({ id, recipients: preview.body.recipients });
    // A double click: the same mailing, nothing more.
    expect(
      (await call('POST', '/admin/mailings', { ...as(admin), body: { ...draft, id, send: true } })).status,
    ).toBe(202);
    // The scheduler delivers it, at least once: three ticks.
    for (let i = 0; i < 3; i++) await runMailings({ now: new Date(), mailer: sesMailer });

    for (const person of [a, b]) {
      const mine = (await mailsTo(person.email)).filter((m) => m.subject === subject);
      expect(mine).toHaveLength(1);
      expect(mine[0]!.body.text).toContain('De ronde loopt goed.');
    }
    expect((await mailsTo(elsewhere.email)).filter((m) => m.subject === subject)).toEqual([]);

    const log = await call('GET', '/admin/audit?action=mailing', as(admin));
    expect(log.body.items.filter((e: { subject: { id: string } }) => e.subject.id === id)).toHaveLength(1);

    // The same mailing id with another text is refused, and sends nothing new.
    const changed = await call('POST', '/admin/mailings', {
      ...as(admin),
      body: { ...draft, body: 'Iets anders.', id, send: true },
    });
    expect(changed.status).toBe(409);
    await runMailings({ now: new Date(), mailer: sesMailer });
    expect((await mailsTo(a.email)).filter((m) => m.subject === subject)).toHaveLength(1);
  });

  it('sends a mailing scripted as the API spells it, without an id of its own', async () => {
    const service = await serviceIn('vlaams-brabant');
    const subject = `Voor Vlaams-Brabant ${randomUUID().slice(0, 6)}`;
    const sent = await call('POST', '/admin/mailings', {
      ...as(admin),
      body: { to: { group: 'services', province: 'vlaams-brabant' }, subject, body: 'Hallo.', send: true },
    });
    expect(sent.status).toBe(202);
    expect(sent.body.recipients).toBeGreaterThanOrEqual(1);
    await runMailings({ now: new Date(), mailer: sesMailer });
    expect((await mailsTo(service.email)).filter((m) => m.subject === subject)).toHaveLength(1);
  });

  it('says what is wrong with a draft, field by field, and is for the admin only', async () => {
    const bad = await call('POST', '/admin/mailings', {
      ...as(admin),
      body: { to: { group: 'schools', province: 'limburg' }, subject: '', body: 'x', send: true },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.details.map((d: { path: string }) => d.path).sort()).toEqual(['subject', 'to.province']);
    const school = await createTestUser({ role: 'school' });
    expect((await call('POST', '/admin/mailings', { ...as(school), body: {} })).status).toBe(403);
  });
});
