import type { MailEventView } from '#contract/bounces';
import { suppressionsOf } from '#platform/suppression-list';
import { recentMailEvents } from './store';

/** The bounces, complaints, delays and rejects the admin sees, newest first, each still suppressed or not. */
export async function mailEventViews(): Promise<MailEventView[]> {
  const events = await recentMailEvents();
  const suppressed = await suppressionsOf(events.map((e) => e.email));
  return events.map((e) => ({
    id: `${e.messageId}#${e.kind}#${e.email}#${e.at}`,
    email: e.email,
    kind: e.kind,
    permanent: e.permanent,
    detail: e.detail,
    at: e.at,
    owner: e.owner,
    suppressed: suppressed.has(e.email),
  }));
}
