import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import type { MiddlewareObj } from '@middy/core';

/**
 * The product's figures, as CloudWatch metrics in the embedded metric format: each is a JSON line
 * in the function's log that CloudWatch turns into a metric, so counting costs no API call and no
 * time in the request. The dashboard and the alarms (`infra/lib/monitoring.ts`) read these names.
 */
export const METRICS_NAMESPACE = 'Stagematching';
/** Fixed rather than read from the environment: the alarms name this dimension at synth time. */
export const METRICS_SERVICE = 'stagematching';

export const FIGURES = {
  /** A service placed a student (the exclusive acceptance went through). */
  acceptances: 'Acceptances',
  /** An acceptance answered 409: another service placed the student first, or took the mentor's last slot. */
  acceptanceConflicts: 'AcceptanceConflicts',
  /** Every decision recorded, by its `status` dimension (acceptances included). */
  decisions: 'Decisions',
  /** A person invited to an organisation (the invitation mail went out). */
  invitations: 'Invitations',
  /** A mail put into the outbox (round mailings and the admin's own mailings). */
  mailsQueued: 'MailsQueued',
  /** SES accepted a mail, whichever part of the product sent it. */
  mailsSent: 'MailsSent',
  /** SES refused a mail or could not be reached: one per attempt. */
  mailsFailed: 'MailsFailed',
  /** SES reported a bounce (permanent or not) for one address. */
  mailsBounced: 'MailsBounced',
  /** A recipient marked a mail as spam: the address is suppressed. */
  mailsComplained: 'MailsComplained',
  /** An outbox mail marked failed after its last attempt: the admin sees it under "mislukte mails". */
  mailsGivenUp: 'MailsGivenUp',
  /** The round mailings tick ran: its heartbeat (an alarm fires when it stops). */
  mailingsTick: 'MailingsTick',
  /** Seconds since the oldest mail still pending in the outbox was queued; 0 when none waits. */
  outboxOldestPendingAge: 'OutboxOldestPendingAge',
  exports: 'Exports',
  exportsFailed: 'ExportsFailed',
  /** From asking for the export to its ready link, in milliseconds. */
  exportDuration: 'ExportDuration',
  imports: 'Imports',
  importedOrganisations: 'ImportedOrganisations',
  importDuration: 'ImportDuration',
  logins: 'Logins',
  /** A wrong password (the address may or may not exist). */
  loginsFailed: 'LoginsFailed',
  /** An address locked for 15 minutes after five failures in a row. */
  lockouts: 'Lockouts',
} as const;

export type Figure = (typeof FIGURES)[keyof typeof FIGURES];

/**
 * Made at first use, not at import: the local stack sets the environment (school year, whether
 * metrics are on) after the handlers' modules are loaded.
 */
let metrics: Metrics | undefined;
const instance = () => {
  if (!metrics) {
    const schoolYear = process.env.SCHOOL_YEAR;
    metrics = new Metrics({
      namespace: METRICS_NAMESPACE,
      serviceName: METRICS_SERVICE,
      ...(schoolYear ? { defaultDimensions: { schoolYear } } : {}),
    });
  }
  return metrics;
};

/** Counts one event (or `value` of them); written out when the invocation ends. */
export function count(name: Figure, value = 1): void {
  instance().addMetric(name, MetricUnit.Count, value);
}

export function durationMs(name: Figure, milliseconds: number): void {
  instance().addMetric(name, MetricUnit.Milliseconds, Math.max(0, Math.round(milliseconds)));
}

export function seconds(name: Figure, value: number): void {
  instance().addMetric(name, MetricUnit.Seconds, Math.max(0, Math.round(value)));
}

/**
 * Counts one event with a dimension of its own (a decision by its status). A dimension holds for a
 * whole metric line, so this one is written at once, on a line of its own.
 */
export function countBy(name: Figure, dimension: string, value: string): void {
  const single = instance().singleMetric();
  single.addDimension(dimension, value);
  single.addMetric(name, MetricUnit.Count, 1);
}

/**
 * Writes what the invocation counted as one metric line. Nothing is written when nothing was
 * counted (Powertools would otherwise warn on every request that counts nothing).
 */
export function flushMetrics(): void {
  const m = metrics;
  if (m?.hasStoredMetrics()) m.publishStoredMetrics();
}

/**
 * Middy middleware for every Lambda entry (the API's handler wrapper, the jobs): the figures of an
 * invocation are written when it ends, whether it succeeded or failed.
 */
export const metricsFlush = (): MiddlewareObj => ({
  after: flushMetrics,
  onError: flushMetrics,
});
