import { audit } from '#audit/record';
import { unreachableReason } from '#contract/bounce-labels';
import type { MailingFailure, MailingInput, MailingPreview, MailingReport } from '#contract/mailings';
import type { Caller } from '#http/caller';
import { assertProvinceInRegion, inRegion, type Region } from '#http/region';
import { conflict, notFound } from '#kernel/errors';
import { brusselsWall } from '#kernel/time';
import { listOrganisations } from '#organisations/store';
import { appUrl } from '#platform/config';
import { suppressionsOf } from '#platform/suppression-list';
import { layout } from '#school-year/mails';
import { addToOutbox, ensureMoment, outboxOf } from '#school-year/outbox-store';
import { adhocRoundId } from '#school-year/rules';
import { addressees, paragraphsOf } from './rules';
import { peopleOf } from './run';
import { claimMailing, getMailing, markQueued } from './store';

/**
 * How far a regional team's mailing reaches: the services of its provinces and the schools with
 * students there (`schools`, read by the caller); null for the national team.
 */
export interface MailingReach {
  region: Region;
  schools: ReadonlySet<string> | null;
}

const NATIONAL: MailingReach = { region: null, schools: null };

/** Who would get the mailing: every active person of the organisations, each person once. */
async function recipientsOf(to: MailingInput['to'], reach: MailingReach) {
  assertProvinceInRegion(reach.region, to.province);
  const organisations = addressees(to, await listOrganisations()).filter((o) =>
    o.type === 'service' ? inRegion(reach.region, o.province) : !reach.schools || reach.schools.has(o.id),
  );
  const byPerson = new Map<
    string,
    { person: { id: string; name: string; email: string }; org: (typeof organisations)[number] }
  >();
  for (const org of organisations) {
    for (const { person } of await peopleOf(org)) {
      if (!byPerson.has(person.id)) byPerson.set(person.id, { person, org });
    }
  }
  return { organisations, people: [...byPerson.values()] };
}

export async function previewMailing(input: MailingInput, reach = NATIONAL): Promise<MailingPreview> {
  const { organisations, people } = await recipientsOf(input.to, reach);
  return { recipients: people.length, organisations: organisations.length };
}

const sameGroup = (a: MailingInput['to'], b: MailingInput['to']) =>
  a.group === b.group && a.province === b.province && a.track === b.track;

/**
 * Sends the mailing once. Its id is claimed first; every recipient's mail then goes into the
 * outbox under a deterministic id (a put-if-absent), so a retry after a crash fills in what is
 * missing and a double click adds nothing. The scheduler's next tick delivers it with the round
 * mailings' retries and failure report. The same id with another text is a conflict, not a
 * silent second mailing.
 */
export async function sendMailing(
  caller: Caller,
  input: MailingInput & { id: string },
  now: Date,
  reach = NATIONAL,
) {
  // Refused before anything is claimed: a province outside the region is no mailing at all.
  assertProvinceInRegion(reach.region, input.to.province);
  const mailing = await claimMailing({
    id: input.id,
    to: input.to,
    subject: input.subject,
    body: input.body,
    sentBy: caller.userId,
    sentAt: now.toISOString(),
    ...(reach.region ? { region: [...reach.region] } : {}),
  });
  if (
    mailing.subject !== input.subject ||
    mailing.body !== input.body ||
    !sameGroup(mailing.to, input.to) ||
    (mailing.region ?? []).join() !== (reach.region ?? []).join()
  ) {
    throw conflict('Deze mailing werd al verstuurd met een andere tekst. Begin een nieuwe mailing.');
  }
  if (mailing.queuedAt) {
    return { id: mailing.id, recipients: mailing.recipients ?? 0 };
  }
  const { people } = await recipientsOf(mailing.to, reach);
  const roundId = adhocRoundId(mailing.id);
  const paragraphs = paragraphsOf(mailing.body);
  for (const { person, org } of people) {
    await addToOutbox({
      roundId,
      moment: 'send',
      personId: person.id,
      organisationId: org.id,
      organisationName: org.name,
      mail: layout(person, mailing.subject, paragraphs, {
        label: 'Naar Stagematching gezinszorg',
        url: appUrl(),
      }),
      createdAt: now.toISOString(),
    });
  }
  await ensureMoment({
    roundId,
    id: 'send',
    kind: 'adhoc',
    at: brusselsWall(new Date(mailing.sentAt)),
  });
  if (await markQueued(mailing.id, people.length, now.toISOString())) {
    await audit(
      caller,
      'mailing',
      {
        kind: 'mailing',
        id: mailing.id,
        label: mailing.subject,
        ...(reach.region ? { provinces: [...reach.region] } : {}),
      },
      { recipients: people.length, group: mailing.to.group },
      now,
    );
  }
  return { id: mailing.id, recipients: people.length };
}

/**
 * Where the mailing stands, from its outbox: queued, sent and failed mails, and the sent ones
 * whose address SES reported dead or complaining since. 404 for an id nobody sent.
 */
export async function mailingReport(id: string): Promise<MailingReport> {
  const mailing = await getMailing(id);
  if (!mailing) throw notFound('Deze mailing bestaat niet.');
  const items = await outboxOf(adhocRoundId(id), 'send');
  const sent = items.filter((m) => m.status === 'sent');
  const suppressed = await suppressionsOf(sent.flatMap((m) => m.mail.to));
  const failures: MailingFailure[] = [];
  for (const m of items) {
    const email = m.mail.to[0] ?? '';
    if (m.status === 'failed') {
      failures.push({
        email,
        organisationName: m.organisationName,
        kind: 'failed',
        reason: m.lastError ?? '',
        at: m.failedAt ?? '',
      });
      continue;
    }
    const s = suppressed.get(email.toLowerCase());
    if (m.status === 'sent' && s && m.sentAt && s.since >= m.sentAt) {
      failures.push({
        email,
        organisationName: m.organisationName,
        kind: 'bounced',
        reason: unreachableReason(s),
        at: s.since,
      });
    }
  }
  return {
    id,
    subject: mailing.subject,
    recipients: mailing.recipients ?? items.length,
    queued: items.filter((m) => m.status === 'pending').length,
    sent: sent.length,
    failed: items.length - sent.length - items.filter((m) => m.status === 'pending').length,
    bounced: failures.filter((f) => f.kind === 'bounced').length,
    failures: failures.sort((a, b) => a.email.localeCompare(b.email)),
  };
}
