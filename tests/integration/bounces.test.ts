import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { deliverFeedback, type FeedbackKind, feedbackEvent, sesEventFor } from '#local/mail-feedback';
import { runMailings } from '#mailings/run';
import { sesMailer } from '#platform/mailer';
import { call } from './helpers/api';
import { latestMailTo, mailsTo, tokenIn } from './helpers/mailbox';
import {
  createTestOrganisation,
  createTestUser,
  GOOD_PASSWORD,
  type TestUser,
  uniqueEmail,
} from './helpers/users';

let admin: TestUser;
const as = (u: TestUser) => ({ token: u.accessToken });

beforeAll(async () => {
  admin = await createTestUser({ role: 'admin' });
});

/** What SES publishes about the last mail to this address, delivered as EventBridge delivers it. */
async function sesReports(kind: FeedbackKind, email: string) {
  const { messageId } = await latestMailTo(email);
  const notification = feedbackEvent(kind, sesEventFor(kind, email, { messageId }));
  await deliverFeedback(notification);
  return notification;
}

async function invite(organisationId: string, email: string, name = 'Leen Claes') {
  return call('POST', `/organisations/${organisationId}/members`, { ...as(admin), body: { email, name } });
}

const memberOf = async (organisationId: string, personId: string) =>
  (await call('GET', `/organisations/${organisationId}/members`, as(admin))).body.items.find(
    (p: { id: string }) => p.id === personId,
  );

const eventsFor = async (email: string) =>
  (await call('GET', '/admin/mail-failures', as(admin))).body.events.filter(
    (e: { email: string }) => e.email === email,
  );

describe('bounces', () => {
  it('marks an invited person whose mail bounced, refuses that address until it is corrected, and lets the person activate at the right one', async () => {
    const service = await createTestOrganisation('service');
    const wrong = uniqueEmail('tikfout');
    const invited = await invite(service.id, wrong, 'Lies Tikfout');
    expect(invited.status).toBe(201);
    const notification = await sesReports('bounce', wrong);

    // The admin sees it on the "mislukte mails" page, with whose address it is…
    const [event] = await eventsFor(wrong);
    expect(event).toMatchObject({
      kind: 'bounce',
      permanent: true,
      suppressed: true,
      detail: 'smtp; 550 5.1.1 user unknown',
      owner: {
        kind: 'person',
        name: 'Lies Tikfout',
        organisationId: service.id,
        organisationName: service.name,
      },
    });
    // …and on the person's row in the organisation.
    const person = await memberOf(service.id, invited.body.id);
    expect(person.unreachable).toMatchObject({ reason: 'bounce', detail: 'smtp; 550 5.1.1 user unknown' });

    // EventBridge delivers at least once: the same notification again records nothing new.
    await deliverFeedback(notification);
    expect(await eventsFor(wrong)).toHaveLength(1);

    // A new invitation to that address is refused on the field, in Dutch.
    const other = await createTestOrganisation('school');
    const again = await invite(other.id, wrong);
    expect(again.status).toBe(400);
    expect(again.body.details).toEqual([
      {
        path: 'email',
        in: 'body',
        message: expect.stringMatching(
          /^Dit e-mailadres is onbereikbaar sinds \d{2}\/\d{2}\/\d{4}: mails kwamen terug als onbestelbaar\. Controleer het adres/,
        ),
      },
    ]);
    // Nothing more goes to the dead address: a new activation mail is not sent there.
    const before = (await mailsTo(wrong)).length;
    expect((await call('POST', '/auth/resend-activation', { body: { email: wrong } })).status).toBe(202);
    expect(await mailsTo(wrong)).toHaveLength(before);

    // The admin corrects the address: the mark is gone, and the person asks for a new activation.
    const right = uniqueEmail('juist');
    const corrected = await call('PATCH', `/organisations/${service.id}/members/${invited.body.id}`, {
      ...as(admin),
      body: { email: right },
    });
    expect(corrected.status).toBe(200);
    const after = await memberOf(service.id, invited.body.id);
    expect(after.email).toBe(right);
    expect(after.unreachable).toBeUndefined();
    expect((await call('POST', '/auth/resend-activation', { body: { email: right } })).status).toBe(202);
    const activated = await call('POST', '/auth/activate', {
      body: { token: tokenIn(await latestMailTo(right)), password: GOOD_PASSWORD },
    });
    expect(activated.status).toBe(200);

    // Typing the right address in the invitation form goes through; the dead one stays refused.
    expect((await invite(other.id, uniqueEmail('collega'))).status).toBe(201);
    expect((await invite(other.id, wrong)).status).toBe(400);
    // The event stays listed, no longer blocking anyone: the address is still dead, nobody has it.
    expect((await eventsFor(wrong))[0]).toMatchObject({ suppressed: true });
  });

  it("marks a school's supervisor and a service's contact person with that address on their own lists", async () => {
    const school = await createTestUser({ role: 'school' });
    const dead = uniqueEmail('begeleider');
    const sup = await call('POST', '/supervisors', {
      ...as(school),
      body: { name: 'Bart Bounce', phone: '050 12 34 56', email: dead },
    });
    expect(sup.status).toBe(201);
    // Nothing of ours mails supervisors; the address bounced as another mail's recipient.
    await sesMailer.send({ to: [dead], subject: 'Test', text: 'Test' });
    await sesReports('bounce', dead);
    const listed = (await call('GET', '/supervisors', as(school))).body.items.find(
      (s: { id: string }) => s.id === sup.body.id,
    );
    expect(listed.unreachable).toMatchObject({ reason: 'bounce' });
    expect((await eventsFor(dead))[0]).toMatchObject({ owner: null, suppressed: true });
    const service = await createTestUser({ role: 'service' });
    const contact = await call('POST', '/contacts', {
      ...as(service),
      body: { name: 'Mia Mentor', phone: '050 11 22 33', email: dead },
    });
    const contacts = (await call('GET', '/contacts', as(service))).body.items;
    expect(contacts.find((c: { id: string }) => c.id === contact.body.id).unreachable).toMatchObject({
      reason: 'bounce',
    });

    // The school corrects it: the mark goes with the old address.
    const fixed = await call('PUT', `/supervisors/${sup.body.id}`, {
      ...as(school),
      body: { name: 'Bart Bounce', phone: '050 12 34 56', email: uniqueEmail('begeleider') },
    });
    expect(fixed.status).toBe(200);
    const relisted = (await call('GET', '/supervisors', as(school))).body.items.find(
      (s: { id: string }) => s.id === sup.body.id,
    );
    expect(relisted.unreachable).toBeUndefined();
  });
});

describe('complaints', () => {
  it('stops mails to a person who reported one as spam, shows it, and mails again once the admin confirms the address', async () => {
    const service = await createTestOrganisation('service');
    await call('PATCH', `/organisations/${service.id}`, { ...as(admin), body: { province: 'limburg' } });
    const person = await createTestUser({ organisation: { ...service, province: 'limburg' } });
    await sesMailer.send({ to: [person.email], subject: 'Welkom', text: 'Welkom' });
    const notification = await sesReports('complaint', person.email);

    expect((await eventsFor(person.email))[0]).toMatchObject({
      kind: 'complaint',
      permanent: true,
      suppressed: true,
      detail: 'abuse',
      owner: { kind: 'person', organisationId: service.id },
    });
    expect((await memberOf(service.id, person.person.id)).unreachable).toMatchObject({ reason: 'complaint' });
    const refused = await invite((await createTestOrganisation('school')).id, person.email);
    expect(refused.status).toBe(400);
    expect(refused.body.details[0].message).toContain('de ontvanger meldde een mail als ongewenst (spam)');

    // A mailing to the group reaches everyone else; this address fails at once, with the reason.
    const subject = `Nieuws ${randomUUID().slice(0, 6)}`;
    const id = randomUUID();
    const sent = await call('POST', '/admin/mailings', {
      ...as(admin),
      body: { id, to: { group: 'services', province: 'limburg' }, subject, body: 'Hallo.', send: true },
    });
    expect(sent.status).toBe(202);
    await runMailings({ now: new Date(), mailer: sesMailer });
    expect((await mailsTo(person.email)).filter((m) => m.subject === subject)).toEqual([]);
    const failed = (await call('GET', '/admin/mail-failures', as(admin))).body.items.find(
      (f: { organisationName: string; roundName: string }) =>
        f.organisationName === service.name && f.roundName.includes(subject),
    );
    expect(failed).toMatchObject({
      attempts: 1,
      lastError: expect.stringMatching(/^E-mailadres onbereikbaar sinds .*spam/),
    });

    // The admin confirms the address (it works again): the mark is lifted and mails go out.
    const confirmed = await call('PATCH', `/organisations/${service.id}/members/${person.person.id}`, {
      ...as(admin),
      body: { email: person.email },
    });
    expect(confirmed.status).toBe(200);
    expect((await memberOf(service.id, person.person.id)).unreachable).toBeUndefined();
    // The old complaint, delivered late, does not undo the confirmation.
    await deliverFeedback(notification);
    expect((await memberOf(service.id, person.person.id)).unreachable).toBeUndefined();
    expect((await eventsFor(person.email))[0]).toMatchObject({ suppressed: false });
    await sesMailer.send({ to: [person.email], subject: 'Weer bereikbaar', text: 'Hallo' });
    expect((await mailsTo(person.email)).filter((m) => m.subject === 'Weer bereikbaar')).toHaveLength(1);
  });

  it('changes the address of an active person only by confirming it, and is for the admin only', async () => {
    const school = await createTestUser({ role: 'school' });
    const moved = await call(
      'PATCH',
      `/organisations/${school.organisation.id}/members/${school.person.id}`,
      {
        ...as(admin),
        body: { email: uniqueEmail('nieuw') },
      },
    );
    expect(moved.status).toBe(409);
    expect(
      (
        await call('PATCH', `/organisations/${school.organisation.id}/members/${school.person.id}`, {
          ...as(school),
          body: { email: school.email },
        })
      ).status,
    ).toBe(403);
    const bad = await call('PATCH', `/organisations/${school.organisation.id}/members/${school.person.id}`, {
      ...as(admin),
      body: { email: 'geen-adres' },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.details[0]).toMatchObject({ path: 'email', in: 'body' });
  });
});
