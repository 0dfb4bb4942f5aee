import { brusselsDate } from '#kernel/time';

// Without zod: the web app reads these at run time (the schemas are in ./bounces).

/** What SES tells us after a send: a bounce, a complaint, a delivery delay, or a reject. */
export const MAIL_EVENT_KINDS = ['bounce', 'complaint', 'delay', 'reject'] as const;
export type MailEventKind = (typeof MAIL_EVENT_KINDS)[number];

/** Why nothing is sent to an address any more: it bounced for good, or its owner complained. */
export const SUPPRESSION_REASONS = ['bounce', 'complaint'] as const;
export type SuppressionReason = (typeof SUPPRESSION_REASONS)[number];

/** Since when and why mails to an address no longer go out (see `Unreachable` in ./bounces). */
export interface UnreachableFacts {
  reason: SuppressionReason;
  since: string;
}

export const UNREACHABLE_LABELS: Record<SuppressionReason, string> = {
  bounce: 'mails kwamen terug als onbestelbaar',
  complaint: 'de ontvanger meldde een mail als ongewenst (spam)',
};

export const MAIL_EVENT_LABELS: Record<MailEventKind, string> = {
  bounce: 'Teruggestuurd',
  complaint: 'Gemeld als spam',
  delay: 'Vertraagd',
  reject: 'Geweigerd door SES',
};

/** `2026-10-03T…` → `03/10/2026`, the Brussels day as Belgians write it. */
const belgianDay = (iso: string) => brusselsDate(new Date(iso)).split('-').reverse().join('/');

/** "onbereikbaar sinds 03/10/2026": the words on a person's row and in an export of people. */
export const unreachableSince = (u: UnreachableFacts) =>
  `e-mailadres onbereikbaar sinds ${belgianDay(u.since)}`;

/** Why a mail was not sent, as the admin reads it next to the address. */
export const unreachableReason = (u: UnreachableFacts) =>
  `E-mailadres onbereikbaar sinds ${belgianDay(u.since)}: ${UNREACHABLE_LABELS[u.reason]}.`;

/** Why an invitation or a correction to a suppressed address is refused (400 on `email`). */
export const unreachableMessage = (u: UnreachableFacts) =>
  `Dit e-mailadres is onbereikbaar sinds ${belgianDay(u.since)}: ${UNREACHABLE_LABELS[u.reason]}. Controleer het adres en vul het juiste in.`;
