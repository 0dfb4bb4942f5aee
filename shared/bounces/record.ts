import type { MailEventView } from '#contract/bounces';
import { findPersonByEmail } from '#organisations/people-store';
import { getOrganisation } from '#organisations/store';
import { logger } from '#platform/log/logger';
import { count, FIGURES } from '#platform/metrics';
import { suppress } from '#platform/suppression-list';
import { getItem } from '#platform/table/items';
import { keys } from '#platform/table/keys';
import { getRegistration } from '#registrations/store';
import { recipientEvents, SesEvent, SesFeedbackEvent } from './ses-event';
import { putMailEvent } from './store';

/**
 * Whose address it is, as far as the product knows: a person (their login's address), or the
 * manager of a service's registration. Supervisors and contact persons are not looked up here:
 * their lists ask the suppression list for their addresses when they are shown.
 */
async function ownerOf(email: string): Promise<MailEventView['owner']> {
  const person = await findPersonByEmail(email);
  if (person) {
    const organisation = await getOrganisation(person.organisationId);
    return {
      kind: 'person',
      name: person.name,
      organisationId: person.organisationId,
      organisationName: organisation?.name ?? null,
    };
  }
  const claim = await getItem<{ registrationId: string }>(keys.registrationEmail(email));
  const registration = claim ? await getRegistration(claim.registrationId) : null;
  if (registration) {
    return {
      kind: 'registration',
      name: registration.manager.name,
      organisationId: registration.serviceId ?? null,
      organisationName: registration.name,
    };
  }
  return null;
}

/**
 * Records what SES reported for each address of one event and suppresses the addresses that
 * bounced for good or complained. Idempotent: a notification delivered twice records nothing new,
 * and an old one delivered late does not undo a correction made since.
 */
export async function recordSesEvent(event: SesEvent, now: Date) {
  const recorded = { events: 0, suppressed: 0 };
  for (const r of recipientEvents(event)) {
    const owner = await ownerOf(r.email);
    if (await putMailEvent({ ...r, owner, recordedAt: now.toISOString() })) recorded.events++;
    if (r.kind === 'bounce') count(FIGURES.mailsBounced);
    if (r.kind === 'complaint') count(FIGURES.mailsComplained);
    if (r.permanent) {
      const reason = r.kind === 'complaint' ? 'complaint' : 'bounce';
      if (await suppress({ email: r.email, reason, since: r.at, detail: r.detail })) recorded.suppressed++;
    }
    // The address itself stays out of the logs; the event is in the table for the admin.
    logger.info('Mail event', { kind: r.kind, permanent: r.permanent, owner: owner?.kind ?? 'unknown' });
  }
  return recorded;
}

/** True for what the SES feedback rule delivers (rather than a schedule's tick). */
export const isSesFeedback = (event: unknown) => SesFeedbackEvent.safeParse(event).success;

/**
 * One event from the bus. A record it cannot read is logged and skipped (a retry would read it no
 * better); a failing write throws, so Lambda retries the invocation (idempotent, see above).
 */
export async function recordSesFeedback(event: unknown, now: Date) {
  const { id, detail } = SesFeedbackEvent.parse(event);
  const parsed = SesEvent.safeParse(detail);
  if (!parsed.success) {
    logger.error('Unreadable SES event', { eventId: id });
    return { events: 0, suppressed: 0, unreadable: 1 };
  }
  return { ...(await recordSesEvent(parsed.data, now)), unreadable: 0 };
}
