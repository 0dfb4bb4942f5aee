import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { deliverFeedback, feedbackEvent, sesEventFor } from '#local/mail-feedback';
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

  it('reports queued, sent and failed mails as they change, and the addresses it did not reach with the reason', async () => {
    const [reached, complained] = await Promise.all([serviceIn('antwerpen'), serviceIn('antwerpen')]);
    // One person reported an earlier mail as spam: nothing more goes to that address.
    await sesMailer.send({ to: [complained.email], subject: 'Eerder', text: 'Eerder' });
    await deliverFeedback(feedbackEvent('complaint', sesEventFor('complaint', complained.email)));

    const id = randomUUID();
    const subject = `Voor Antwerpen ${id.slice(0, 6)}`;
    const sent = await call('POST', '/admin/mailings', {
      ...as(admin),
      body: { id, to: { group: 'services', province: 'antwerpen' }, subject, body: 'Hallo.', send: true },
    });
    expect(sent.status).toBe(202);
    const recipients = sent.body.recipients as number;
    // Queued only, until the scheduler's tick delivers it.
    const queued = await call('GET', `/admin/mailings/${id}`, as(admin));
    expect(queued.status).toBe(200);
    expect(queued.body).toMatchObject({
      id,
      subject,
      recipients,
      queued: recipients,
      sent: 0,
      failed: 0,
      failures: [],
    });

    await runMailings({ now: new Date(), mailer: sesMailer });
    const report = (await call('GET', `/admin/mailings/${id}`, as(admin))).body;
    expect(report.queued).toBe(0);
    expect(report.sent + report.failed).toBe(recipients);
    expect(report.failed).toBeGreaterThanOrEqual(1);
    expect(report.failures).toContainEqual({
      email: complained.email,
      organisationName: complained.organisation.name,
      kind: 'failed',
      reason: expect.stringMatching(
        /^E-mailadres onbereikbaar sinds .*: de ontvanger meldde een mail als ongewenst \(spam\)\.$/,
      ),
      at: expect.any(String),
    });
    expect(report.failures.map((f: { email: string }) => f.email)).not.toContain(reached.email);

    // A mail that left and bounced afterwards counts as bounced, with SES's reason.
    await deliverFeedback(feedbackEvent('bounce', sesEventFor('bounce', reached.email)));
    const later = (await call('GET', `/admin/mailings/${id}`, as(admin))).body;
    expect(later.bounced).toBeGreaterThanOrEqual(1);
    expect(later.failures).toContainEqual(
      expect.objectContaining({
        email: reached.email,
        kind: 'bounced',
        reason: expect.stringContaining('onbestelbaar'),
      }),
    );

    expect((await call('GET', `/admin/mailings/${randomUUID()}`, as(admin))).status).toBe(404);
    // Their addresses stay blocked: out of the way of the round mailings other files test.
    for (const user of [reached, complained]) {
      await call('PATCH', `/organisations/${user.organisation.id}`, {
        ...as(admin),
        body: { active: false },
      });
    }
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
