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
    // The admin's own mailings and the schools' mails about a student are named by their subject.
    roundName: rounds.some((r) => r.id === m.roundId)
      ? (rounds.find((r) => r.id === m.roundId)?.name ?? m.roundId)
      : isAdhocRound(m.roundId) || m.roundId.startsWith('student-')
        ? `Mailing “${m.mail.subject}”`
        : m.roundId,
    moment: m.moment,
    organisationName: m.organisationName,
    attempts: m.attempts,
    lastError: m.lastError ?? '',
    failedAt: m.failedAt ?? '',
  }));
}
