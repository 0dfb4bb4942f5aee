import type { MailEventKind } from '#contract/bounce-labels';
import * as z from '#kernel/zod';

/**
 * The parts of an SES event record (configuration-set event publishing, delivered by EventBridge)
 * that the product reads. SES sends much more (headers, tags, MTA details); unknown fields pass.
 * See "Contents of event data that Amazon SES publishes" in the SES guide.
 */
const Recipient = z.object({
  emailAddress: z.string(),
  status: z.string().optional(),
  diagnosticCode: z.string().optional(),
});

export const SesEvent = z.object({
  /** `notificationType` when the identity's own feedback notifications send it instead. */
  eventType: z.string().optional(),
  notificationType: z.string().optional(),
  mail: z.object({
    messageId: z.string(),
    timestamp: z.string(),
    destination: z.array(z.string()),
  }),
  bounce: z
    .object({
      bounceType: z.string(),
      bounceSubType: z.string().optional(),
      bouncedRecipients: z.array(Recipient),
      timestamp: z.string(),
    })
    .optional(),
  complaint: z
    .object({
      complainedRecipients: z.array(Recipient),
      complaintFeedbackType: z.string().optional(),
      timestamp: z.string(),
    })
    .optional(),
  deliveryDelay: z
    .object({
      delayType: z.string().optional(),
      delayedRecipients: z.array(Recipient),
      timestamp: z.string(),
    })
    .optional(),
  reject: z.object({ reason: z.string().optional() }).optional(),
});
export type SesEvent = z.infer<typeof SesEvent>;

/**
 * What the configuration set's event destination puts on the default event bus, and the rule hands
 * the tick's function (`infra/lib/mail.ts`): the SES event record is the `detail`.
 */
export const SesFeedbackEvent = z.object({
  id: z.string(),
  source: z.literal('aws.ses'),
  'detail-type': z.string(),
  detail: z.unknown(),
});
export type SesFeedbackEvent = z.infer<typeof SesFeedbackEvent>;

/** One address the event is about, with what the product does with it. */
export interface RecipientEvent {
  messageId: string;
  email: string;
  kind: MailEventKind;
  /** A permanent bounce or a complaint: the address goes on the suppression list. */
  permanent: boolean;
  detail: string;
  at: string;
}

/**
 * One record per address. A transient bounce (mailbox full, a server that said "later") and a
 * delivery delay are recorded but suppress nothing: SES retried already, and the next mail may
 * arrive. A reject is about the mail (SES found a virus), not the address. Events the product did
 * not ask for (deliveries, opens) give nothing.
 */
export function recipientEvents(event: SesEvent): RecipientEvent[] {
  const type = event.eventType ?? event.notificationType;
  const { messageId } = event.mail;
  const each = (
    recipients: z.infer<typeof Recipient>[],
    kind: MailEventKind,
    permanent: boolean,
    at: string,
    fallback: string,
  ) =>
    recipients.map((r) => ({
      messageId,
      email: r.emailAddress.trim().toLowerCase(),
      kind,
      permanent,
      detail: (r.diagnosticCode ?? r.status ?? fallback).slice(0, 300),
      at,
    }));
  if (type === 'Bounce' && event.bounce) {
    const b = event.bounce;
    const subType = b.bounceSubType ? ` (${b.bounceSubType})` : '';
    return each(
      b.bouncedRecipients,
      'bounce',
      b.bounceType === 'Permanent',
      b.timestamp,
      `${b.bounceType}${subType}`,
    );
  }
  if (type === 'Complaint' && event.complaint) {
    const c = event.complaint;
    return each(
      c.complainedRecipients,
      'complaint',
      true,
      c.timestamp,
      c.complaintFeedbackType ?? 'complaint',
    );
  }
  if (type === 'DeliveryDelay' && event.deliveryDelay) {
    const d = event.deliveryDelay;
    return each(d.delayedRecipients, 'delay', false, d.timestamp, d.delayType ?? 'delay');
  }
  if (type === 'Reject') {
    const reason = event.reject?.reason ?? 'Rejected';
    return event.mail.destination.map((email) => ({
      messageId,
      email: email.trim().toLowerCase(),
      kind: 'reject' as const,
      permanent: false,
      detail: reason,
      at: event.mail.timestamp,
    }));
  }
  return [];
}
