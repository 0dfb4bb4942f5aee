import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { SCHEDULE_TARGETS } from '#school-year/schedules';
import { lambdaContext } from './apigw-event';
import { repoRoot } from './paths';

/**
 * The local SES stand-in delivers every mail; real SES reports some back through the
 * configuration set's event destination (the default event bus). These are recorded SES event
 * records (the examples of the SES guide, "Examples of event data that Amazon SES publishes") and
 * the EventBridge envelope Lambda receives, so that tests and `npm start` feed the product's
 * function exactly what AWS would.
 */
const recorded = (name: string) => readFileSync(join(repoRoot, 'local', 'ses-events', name), 'utf8');

export type FeedbackKind = 'bounce' | 'complaint';

/** A recorded SES event about `email`, as SES publishes it, for a mail with this id and time. */
export function sesEventFor(
  kind: FeedbackKind,
  email: string,
  options: { messageId?: string; at?: Date } = {},
): Record<string, unknown> {
  const at = options.at ?? new Date();
  const messageId = options.messageId ?? `local-${randomUUID()}`;
  const event = JSON.parse(recorded(`${kind}.json`));
  event.mail.messageId = messageId;
  event.mail.commonHeaders.messageId = messageId;
  event.mail.destination = [email];
  event.mail.commonHeaders.to = [email];
  event.mail.timestamp = new Date(at.getTime() - 1000).toISOString();
  const detail = kind === 'bounce' ? event.bounce : event.complaint;
  const recipients = kind === 'bounce' ? detail.bouncedRecipients : detail.complainedRecipients;
  recipients[0].emailAddress = email;
  detail.timestamp = at.toISOString();
  return event;
}

const DETAIL_TYPES: Record<FeedbackKind, string> = {
  bounce: 'Email Bounced',
  complaint: 'Email Complaint Received',
};

/** The EventBridge event Lambda gets for one SES event (the SES record is its `detail`). */
export function feedbackEvent(
  kind: FeedbackKind,
  sesEvent: Record<string, unknown>,
): Record<string, unknown> {
  const envelope = JSON.parse(recorded('eventbridge-envelope.json'));
  envelope.id = randomUUID();
  envelope['detail-type'] = DETAIL_TYPES[kind];
  envelope.time = new Date().toISOString();
  envelope.detail = sesEvent;
  return envelope;
}

/** Runs the product's function on the event, as the rule of `infra/lib/mail.ts` invokes it in AWS. */
export async function deliverFeedback(event: Record<string, unknown>) {
  const mod = await import(resolve(repoRoot, SCHEDULE_TARGETS.notify));
  return mod.handler(event, lambdaContext('notify'));
}

/** `…@bounce.test` bounces for good, `…@complaint.test` complains: the addresses `npm start` plays. */
export function simulatedFeedbackFor(email: string): FeedbackKind | null {
  const domain = email.toLowerCase().split('@')[1];
  if (domain === 'bounce.test') return 'bounce';
  if (domain === 'complaint.test') return 'complaint';
  return null;
}

interface StoredMail {
  messageId: string;
  destination: { to: string[] };
  at: number;
}

/**
 * Watches the local mailbox and, for every mail to a `bounce.test` or `complaint.test` address,
 * feeds the feedback function the event SES would publish a moment later. Local tooling only.
 */
export function startFeedbackSimulator(options: { mailboxUrl: string; intervalMs?: number }) {
  const seen = new Set<string>();
  let since = Math.floor(Date.now() / 1000) - 1;
  let running = false;
  const poll = async () => {
    if (running) return;
    running = true;
    try {
      const store = (await (await fetch(`${options.mailboxUrl}/store?since=${since}`)).json()) as {
        emails: StoredMail[];
      };
      for (const mail of store.emails) {
        if (seen.has(mail.messageId)) continue;
        seen.add(mail.messageId);
        since = Math.max(since, mail.at - 1);
        for (const to of mail.destination.to) {
          const kind = simulatedFeedbackFor(to);
          if (!kind) continue;
          await deliverFeedback(feedbackEvent(kind, sesEventFor(kind, to, { messageId: mail.messageId })));
        }
      }
    } catch (error) {
      console.error('local mail feedback failed', error);
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void poll(), options.intervalMs ?? 1000);
  return {
    stop: async () => {
      clearInterval(timer);
    },
  };
}
