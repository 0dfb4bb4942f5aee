import { managersOf } from '#organisations/memberships';
import { listOrganisations } from '#organisations/store';
import { type Mailer, sesMailer } from '#platform/mailer';
import { remindPendingRegistrations } from '#registrations/use-cases';
import { escalateOverdueTakeovers } from '#takeovers/use-cases';
import { dualReportReminderMail } from './mails';
import { brusselsDay } from './rules';
import { claimJob, releaseJob } from './store';
import { dualLearnersOf } from './use-cases';

/**
 * April reminder for the dual yearly report (due before 1 May), once per service with dual
 * learners: a claim per service and year before the mail, released when the mail fails.
 */
export async function remindDualReport(now: Date, mailer: Mailer = sesMailer): Promise<number> {
  const day = brusselsDay(now);
  if (day.slice(5, 7) !== '04') return 0;
  const year = day.slice(0, 4);
  let sent = 0;
  const failures: unknown[] = [];
  for (const service of (await listOrganisations('service')).filter((s) => s.active)) {
    const learners = await dualLearnersOf(service.id);
    if (learners.length === 0) continue;
    const job = `dual-report-reminder#${year}#${service.id}`;
    if (!(await claimJob(job, now.toISOString()))) continue;
    try {
      const managers = await managersOf(service.id);
      const to = managers.length > 0 ? managers.map((m) => m.email) : [service.email];
      await mailer.send(dualReportReminderMail(to, service.name, learners.length, year));
      sent++;
    } catch (error) {
      await releaseJob(job);
      failures.push(error);
    }
  }
  if (failures.length > 0)
    throw new AggregateError(failures, `${failures.length} dual report reminder(s) failed`);
  return sent;
}

/**
 * Everything after the match that waits for a date: takeovers past their two weeks go to the
 * admin, registrations pending 10 days remind the admin, and in April services with dual learners
 * are reminded of the yearly report. Idempotent: however often and however concurrently it runs,
 * each mail goes out once (a claim in the table precedes it). A failure is thrown after the other
 * jobs ran, so the scheduler retries and, in the end, dead-letters it.
 */
export async function runDueEscalations(now: Date, mailer: Mailer = sesMailer) {
  const results = await Promise.allSettled([
    escalateOverdueTakeovers(now, mailer),
    remindPendingRegistrations(now, mailer),
    remindDualReport(now, mailer),
  ]);
  const failed = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed.length > 0)
    throw new AggregateError(
      failed.map((f) => f.reason),
      'Some escalations failed',
    );
  const [takeovers = 0, registrations = 0, dualReminders = 0] = results.map(
    (r) => (r as PromiseFulfilledResult<number>).value,
  );
  return { takeovers, registrations, dualReminders };
}
