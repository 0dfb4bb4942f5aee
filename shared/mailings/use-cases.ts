import { appUrl } from '#accounts/mails';
import { audit } from '#audit/record';
import type { MailingInput, MailingPreview } from '#contract/mailings';
import type { Caller } from '#http/caller';
import { brusselsWallClock } from '#kernel/time';
import { listOrganisations } from '#organisations/store';
import { peopleOf } from '#school-year/mailings';
import { layout } from '#school-year/mails';
import { addToOutbox, ensureMoment } from '#school-year/outbox-store';
import { addressees, paragraphsOf } from './rules';
import { claimMailing } from './store';

/** Who would get the mailing: every active person of the organisations, each person once. */
async function recipientsOf(to: MailingInput['to']) {
  const organisations = addressees(to, await listOrganisations());
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

export async function previewMailing(input: MailingInput): Promise<MailingPreview> {
  const { organisations, people } = await recipientsOf(input.to);
  return { recipients: people.length, organisations: organisations.length };
}

/**
 * Sends the mailing once: its id is claimed first (a second send with the same id changes nothing),
 * then every recipient's mail goes into the outbox under a deterministic id, and the scheduler's
 * next tick delivers it with the round mailings' retries and failure report.
 */
export async function sendMailing(caller: Caller, input: MailingInput & { id: string }, now: Date) {
  const { organisations, people } = await recipientsOf(input.to);
  const roundId = `mailing-${input.id}`;
  const fresh = await claimMailing({
    id: input.id,
    to: input.to,
    subject: input.subject,
    recipients: people.length,
    sentBy: caller.userId,
    sentAt: now.toISOString(),
  });
  if (fresh) {
    const paragraphs = paragraphsOf(input.body);
    for (const { person, org } of people) {
      await addToOutbox({
        roundId,
        moment: 'send',
        personId: person.id,
        organisationId: org.id,
        organisationName: org.name,
        mail: layout(person, input.subject, paragraphs, {
          label: 'Naar Stagematching gezinszorg',
          url: appUrl(),
        }),
        createdAt: now.toISOString(),
      });
    }
    const wall = brusselsWallClock(now);
    await ensureMoment({
      roundId,
      id: 'send',
      kind: 'adhoc',
      at: `${wall.year}-${wall.month}-${wall.day}T${wall.hour}:${wall.minute}`,
    });
    await audit(
      caller,
      'mailing',
      { kind: 'mailing', id: input.id, label: input.subject },
      {
        recipients: people.length,
        group: input.to.group,
      },
      now,
    );
  }
  return { id: input.id, recipients: people.length, organisations: organisations.length };
}
