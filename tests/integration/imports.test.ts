import { beforeAll, describe, expect, inject, it } from 'vitest';
import type { Caller } from '#http/caller';
import { commitImport, runImportJob } from '#imports/use-cases';
import { deliverFeedback, feedbackEvent, sesEventFor } from '#local/mail-feedback';
import type { StoredPerson } from '#organisations/people-store';
import { type Mailer, sesMailer } from '#platform/mailer';
import { batchGet } from '#platform/table/batch-get';
import { keys } from '#platform/table/keys';
import { call } from './helpers/api';
import { createTestUser, type TestUser } from './helpers/users';

let admin: TestUser;
let caller: Caller;
const as = (u: TestUser) => ({ token: u.accessToken });
const header = ['Naam', 'E-mail', 'Provincie', 'Sector', 'Straat', 'Postcode', 'Gemeente', 'Contactpersoon'];
const csv = (rows: string[][]) =>
  Buffer.from(`\uFEFF${rows.map((r) => r.join(';')).join('\r\n')}\r\n`).toString('base64');
const serviceRow = (tag: string, i: number) => [
  `Dienst ${tag} ${i}`,
  `dienst${i}-${tag}@import.example`,
  'Limburg',
  'social profit',
  'Markt 1',
  '3500',
  'Hasselt',
  `Contact ${i}`,
];

beforeAll(async () => {
  admin = await createTestUser({ role: 'admin' });
  caller = {
    userId: admin.person.id,
    email: admin.email,
    name: admin.person.name,
    role: 'admin',
    organisationId: admin.organisation.id,
  };
});

/** Every mail the local SES holds, counted per address. */
async function mailCounts(): Promise<Map<string, number>> {
  const store = (await (await fetch(`${inject('stack').mailboxUrl}/store`)).json()) as {
    emails: { destination: { to: string[] } }[];
  };
  const counts = new Map<string, number>();
  for (const mail of store.emails)
    for (const to of mail.destination.to) counts.set(to, (counts.get(to) ?? 0) + 1);
  return counts;
}

/** Asks for the job as the page does until it stopped; every answer along the way. */
async function pollUntilStopped(id: string) {
  const seen: { status: string; processed: number; total: number }[] = [];
  for (let i = 0; i < 6000; i++) {
    const res = await call('GET', `/admin/import-jobs/${id}`, as(admin));
    expect(res.status).toBe(200);
    seen.push({ status: res.body.status, processed: res.body.processed, total: res.body.total });
    if (res.body.status === 'done' || res.body.status === 'interrupted') return { view: res.body, seen };
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('The import never stopped');
}

/** SES accepts `after` mails, then fails like a throttled account: the run dies halfway. */
function failingAfter(after: number): Mailer {
  let sent = 0;
  return {
    async send(mail) {
      if (sent >= after) throw new Error('Maximum sending rate exceeded.');
      sent++;
      return sesMailer.send(mail);
    },
  };
}

describe('importing as a job', () => {
  it('imports 500 organisations with invitations, survives a crash halfway, and ends with exactly 500 of each', async () => {
    const tag = Math.random().toString(36).slice(2, 7);
    const file = csv([header, ...Array.from({ length: 500 }, (_, i) => serviceRow(tag, i))]);
    const input = { kind: 'services' as const, filename: 'diensten.csv', file, commit: true, invite: true };
    const dry = await call('POST', '/admin/imports', { ...as(admin), body: { ...input, commit: false } });
    expect(dry.body).toMatchObject({ valid: 500, existing: 0, errors: [] });

    // The route's own use case, without the local server running the function after it: the
    // first run is ours, and it dies after 200 invitations (SES refuses the 201st).
    const started = await commitImport(caller, input, new Date());
    const { id } = started;
    expect(started).toMatchObject({ status: 'pending', total: 500, processed: 0 });
    await expect(runImportJob(id, { mailer: failingAfter(200) })).rejects.toThrow(/sending rate/);

    // The page sees where it stopped, and why it stands still.
    const halfway = (await call('GET', `/admin/import-jobs/${id}`, as(admin))).body;
    expect(halfway).toMatchObject({
      status: 'interrupted',
      processed: 200,
      total: 500,
      created: 200,
      invited: 200,
    });
    expect(halfway.message).toContain('onderbroken na 200 van 500 rijen');

    // "Verder importeren": the local server runs the import function again after the 202.
    const resumed = await call('POST', `/admin/import-jobs/${id}/resume`, as(admin));
    expect(resumed.status).toBe(202);
    const { view, seen } = await pollUntilStopped(id);
    // Progress moved while it ran, never backwards.
    const processed = seen.map((s) => s.processed);
    expect(processed).toEqual([...processed].sort((a, b) => a - b));
    expect(seen.some((s) => s.status === 'running' && s.processed > 200 && s.processed < 500)).toBe(true);

    expect(view).toMatchObject({
      status: 'done',
      total: 500,
      processed: 500,
      created: 500,
      invited: 500,
      skipped: 0,
      refused: 0,
    });
    expect(view.rows).toHaveLength(500);
    expect(
      view.rows.every((r: { outcome: string; invited: boolean }) => r.outcome === 'created' && r.invited),
    ).toBe(true);

    // Exactly 500 organisations, 500 invited people (one per organisation), 500 mails.
    const listed = await call(
      'GET',
      `/organisations?type=service&q=${encodeURIComponent(`Dienst ${tag} `)}`,
      as(admin),
    );
    expect(listed.body.items).toHaveLength(500);
    const orgByEmail = new Map(listed.body.items.map((o: { email: string; id: string }) => [o.email, o.id]));
    const emails = Array.from({ length: 500 }, (_, i) => `dienst${i}-${tag}@import.example`);
    const claims = await batchGet<{ personId: string; organisationId: string }>(
      emails.map((e) => keys.email(e)),
    );
    expect(claims).toHaveLength(500);
    const people = await batchGet<StoredPerson>(claims.map((c) => keys.person(c.organisationId, c.personId)));
    expect(people).toHaveLength(500);
    for (const person of people) {
      expect(person).toMatchObject({ status: 'invited', organisationId: orgByEmail.get(person.email) });
    }
    const counts = await mailCounts();
    for (const email of emails) expect(counts.get(email), email).toBe(1);

    // Running it again changes nothing: the job is done, and a second import skips every row.
    expect(await runImportJob(id)).toBe('finished-before');
    expect((await call('POST', `/admin/import-jobs/${id}/resume`, as(admin))).status).toBe(409);
    const again = await call('POST', '/admin/imports', { ...as(admin), body: input });
    expect(again.status).toBe(202);
    const second = await pollUntilStopped(again.body.id);
    expect(second.view).toMatchObject({ status: 'done', total: 500, created: 0, skipped: 500, invited: 0 });
    expect(
      (await call('GET', `/organisations?type=service&q=${encodeURIComponent(`Dienst ${tag} `)}`, as(admin)))
        .body.items,
    ).toHaveLength(500);
    const after = await mailCounts();
    for (let i = 0; i < 500; i++) expect(after.get(`dienst${i}-${tag}@import.example`)).toBe(1);
  }, 600_000);

  it('answers 202 with a job for a long commit and says per row what it created, skipped and refused', async () => {
    const tag = Math.random().toString(36).slice(2, 7);
    const rows = [header, ...Array.from({ length: 40 }, (_, i) => serviceRow(tag, i))];
    rows[5]![2] = 'Henegouwen'; // row 6: refused
    // Row 8 exists already; row 10's address bounced before: created, but not invited.
    const existing = await call('POST', '/organisations', {
      ...as(admin),
      body: {
        type: 'service',
        name: 'Bestaat al',
        email: rows[7]![1],
        province: 'limburg',
        sector: 'social_profit',
        address: { street: 'Markt 1', postcode: '3500', city: 'Hasselt' },
      },
    });
    expect(existing.status).toBe(201);
    const dead = rows[9]![1]!;
    await sesMailer.send({ to: [dead], subject: 'Test', text: 'Test' });
    await deliverFeedback(feedbackEvent('bounce', sesEventFor('bounce', dead)));

    const res = await call('POST', '/admin/imports', {
      ...as(admin),
      body: { kind: 'services', filename: 'diensten.csv', file: csv(rows), commit: true, invite: true },
    });
    expect(res.status).toBe(202);
    expect(res.body).toMatchObject({ id: expect.any(String), total: 40, filename: 'diensten.csv' });
    const { view } = await pollUntilStopped(res.body.id);
    expect(view).toMatchObject({
      status: 'done',
      processed: 40,
      created: 38,
      skipped: 1,
      refused: 1,
      invited: 37,
    });
    const byRow = new Map(view.rows.map((r: { row: number }) => [r.row, r]));
    expect(byRow.get(6)).toEqual({
      row: 6,
      name: `Dienst ${tag} 4`,
      email: `dienst4-${tag}@import.example`,
      outcome: 'refused',
      invited: false,
      messages: ['Provincie: Onbekende provincie "Henegouwen".'],
    });
    expect(byRow.get(8)).toMatchObject({
      outcome: 'skipped',
      messages: [expect.stringContaining('bestaat al')],
    });
    expect(byRow.get(10)).toMatchObject({
      outcome: 'created',
      invited: false,
      messages: [
        expect.stringMatching(/^Geïmporteerd, maar niet uitgenodigd: Dit e-mailadres is onbereikbaar/),
      ],
    });
    expect(byRow.get(2)).toMatchObject({ outcome: 'created', invited: true, messages: [] });

    const log = await call('GET', '/admin/audit?action=import', as(admin));
    expect(
      log.body.items.filter((e: { details?: { job?: string } }) => e.details?.job === res.body.id),
    ).toEqual([
      expect.objectContaining({ details: expect.objectContaining({ imported: 38, invited: 37, errors: 1 }) }),
    ]);
  }, 120_000);

  it('knows no job it never started', async () => {
    expect((await call('GET', '/admin/import-jobs/onbekend', as(admin))).status).toBe(404);
    expect((await call('POST', '/admin/import-jobs/onbekend/resume', as(admin))).status).toBe(404);
  });
});
