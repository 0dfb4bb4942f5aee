import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Caller } from '#http/caller';
import { commitImport, runImportJob } from '#imports/use-cases';
import { deliverFeedback, feedbackEvent, sesEventFor } from '#local/mail-feedback';
import { runMailings } from '#mailings/run';
import { type Mailer, sesMailer } from '#platform/mailer';
import { call } from './helpers/api';
import { createTestOrganisation, createTestUser, type TestUser, uniqueEmail } from './helpers/users';

let admin: TestUser;
const as = (u: TestUser) => ({ token: u.accessToken });
const health = async () => {
  const res = await call('GET', '/admin/health', as(admin));
  expect(res.status).toBe(200);
  return res.body;
};

beforeAll(async () => {
  admin = await createTestUser({ role: 'admin' });
});

// Other files work on the same stack at the same time: figures only grow by what this file does.
describe("the admin's health panel", () => {
  it('shows the last scheduler tick and the mails waiting in the outbox', { timeout: 60_000 }, async () => {
    const service = await createTestOrganisation('service');
    await call('PATCH', `/organisations/${service.id}`, {
      ...as(admin),
      body: { province: 'vlaams-brabant' },
    });
    const person = await createTestUser({ organisation: { ...service, province: 'vlaams-brabant' } });
    const refusing: Mailer = {
      send: (mail) =>
        mail.to.includes(person.email) ? Promise.reject(new Error('Throttling')) : sesMailer.send(mail),
    };
    // A tick during which SES refuses this person's mail: it stays in the outbox for a retry, and
    // the panel shows the backlog that tick left (the same figure it counts as a metric). Other
    // files' ticks run on the same stack: one of them may send the mail first (then it is queued
    // again), and one that ran later than ours shows its own backlog (the heartbeat never goes back).
    let tick = new Date();
    await expect
      .poll(
        async () => {
          const sent = await call('POST', '/admin/mailings', {
            ...as(admin),
            body: {
              id: randomUUID(),
              to: { group: 'services', province: 'vlaams-brabant' },
              subject: 'Wachtrij',
              body: 'Hallo.',
              send: true,
            },
          });
          expect(sent.status).toBe(202);
          tick = new Date();
          return (await runMailings({ now: tick, mailer: refusing })).retry;
        },
        { timeout: 20_000, interval: 100 },
      )
      .toBeGreaterThanOrEqual(1);
    const waiting = await health();
    expect(waiting.scheduler.lastTickAt >= tick.toISOString()).toBe(true);
    if (waiting.scheduler.lastTickAt === tick.toISOString()) {
      expect(waiting.outbox.pending).toBeGreaterThanOrEqual(1);
      expect(waiting.outbox.oldestAt! <= tick.toISOString()).toBe(true);
    }

    const next = new Date();
    await runMailings({ now: next, mailer: sesMailer });
    expect((await health()).scheduler.lastTickAt >= next.toISOString()).toBe(true);
  });

  it('counts the bounces and complaints of the last 24 hours', async () => {
    const before = (await health()).mails24h;
    for (const kind of ['bounce', 'complaint'] as const) {
      const email = uniqueEmail(kind);
      await sesMailer.send({ to: [email], subject: 'Test', text: 'Test' });
      await deliverFeedback(feedbackEvent(kind, sesEventFor(kind, email)));
    }
    const after = (await health()).mails24h;
    expect(after.bounced).toBeGreaterThanOrEqual(before.bounced + 1);
    expect(after.complained).toBeGreaterThanOrEqual(before.complained + 1);
  });

  it('counts imports that stand still, waiting for "Verder importeren"', async () => {
    const before = (await health()).imports.interrupted;
    const caller: Caller = {
      userId: admin.person.id,
      email: admin.email,
      name: admin.person.name,
      role: 'admin',
      organisationId: admin.organisation.id,
    };
    const tag = randomUUID().slice(0, 6);
    const rows = [
      'Naam;E-mail;Provincie;Sector;Straat;Postcode;Gemeente',
      ...Array.from(
        { length: 30 },
        (_, i) => `D ${tag} ${i};d${i}-${tag}@health.example;Limburg;social profit;Markt 1;3500;Hasselt`,
      ),
    ];
    const file = Buffer.from(rows.join('\r\n')).toString('base64');
    const started = await commitImport(
      caller,
      { kind: 'services', filename: 'd.csv', file, commit: true, invite: true },
      new Date(),
    );
    const failing = { send: async () => Promise.reject(new Error('SES is down')) };
    await expect(runImportJob(started.id, { mailer: failing })).rejects.toThrow('SES is down');
    expect((await health()).imports.interrupted).toBeGreaterThanOrEqual(before + 1);
  });
});
