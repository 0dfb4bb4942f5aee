import type { MailFailureView } from '#contract/school-year';
import { failedMails } from './outbox-store';
import { isAdhocRound } from './rules';
import { loadCalendar } from './store';

/** What the admin sees of a failed mail: who (organisation), which round and moment, why; no address. */
export async function mailFailures(): Promise<MailFailureView[]> {
  const [items, { rounds }] = await Promise.all([failedMails(), loadCalendar()]);
  return items.map((m) => ({
    id: `${m.roundId}#${m.moment}#${m.personId}`,
    roundId: m.roundId,
    roundName: isAdhocRound(m.roundId)
      ? `Mailing “${m.mail.subject}”`
      : (rounds.find((r) => r.id === m.roundId)?.name ?? m.roundId),
    moment: m.moment,
    organisationName: m.organisationName,
    attempts: m.attempts,
    lastError: m.lastError ?? '',
    failedAt: m.failedAt ?? '',
  }));
}
