import { unreachableReason } from '#contract/bounce-labels';
import type { Organisation } from '#contract/organisations';
import type { Round } from '#contract/school-year';
import { brusselsToInstant } from '#kernel/time';
import { membersOf } from '#organisations/memberships';
import { findPersonByEmail, listPeople } from '#organisations/people-store';
import { getOrganisation, listOrganisations } from '#organisations/store';
import { MAILINGS_TICK, recordHeartbeat } from '#platform/heartbeats';
import { logger } from '#platform/log/logger';
import type { Mail, Mailer } from '#platform/mailer';
import { count, FIGURES, seconds } from '#platform/metrics';
import { openStudents } from '#requests/open-index';
import { inScope, openIndexQueries, scopeOf } from '#requests/visibility';
import { reminderMail, roundCloseMail, roundOpenMail } from '#school-year/mails';
import {
  addToOutbox,
  claim,
  ensureMoment,
  markAttemptFailed,
  markMomentDone,
  markSent,
  type OutboxMail,
  outboxOf,
  pendingMoments,
  type StoredMoment,
} from '#school-year/outbox-store';
import { dueMoments, segmentOf } from '#school-year/rules';
import { ensureSeeded, loadCalendar } from '#school-year/store';
import type { SchoolNews } from '#students/news';
import { schoolNewsMail } from '#students/news-mails';
import { decisionsOfService } from '#students/store';

/** A tick that comes late (or again) still sends what fell due within this window. */
export const LOOKBACK_MS = 24 * 3600_000;
/** Attempts per mail, one per tick, before it is marked failed and shown to the admin. */
export const MAX_ATTEMPTS = 3;
const LEASE_MS = 60_000;

interface Person {
  id: string;
  name: string;
  email: string;
  /** The choice under "Mijn account" of the person's own account: reminders on unless switched off. */
  reminders?: boolean;
  /** The kinds of the school's mails about its students the person switched off. */
  newsOff?: readonly string[];
}

interface Recipient {
  /** The outbox id's person part: one mail per person and moment (see `recipientsOf`). */
  key: string;
  person: Person;
  organisation: Organisation;
  mail: Mail;
}

/**
 * Who gets an organisation's mails: its own active people, and the active members who act for it
 * as well (after a takeover or an approved registration), each with the reminder choice of their
 * own account.
 */
export async function peopleOf(org: Organisation): Promise<{ person: Person; member: boolean }[]> {
  const [people, members] = await Promise.all([listPeople(org.id), membersOf(org.id)]);
  const own = people
    .filter((p) => p.status === 'active')
    .map((p) => ({
      person: { id: p.id, name: p.name, email: p.email, reminders: p.reminders, newsOff: p.newsOff },
      member: false,
    }));
  const ownIds = new Set(own.map((o) => o.person.id));
  const others = await Promise.all(
    members
      .filter((m) => m.active && !ownIds.has(m.personId))
      .map(async (m) => {
        const home = await findPersonByEmail(m.email);
        if (home && home.status !== 'active') return null;
        const person = {
          id: m.personId,
          name: m.personName,
          email: m.email,
          reminders: home?.reminders,
          newsOff: home?.newsOff,
        };
        return { person, member: true };
      }),
  );
  return [...own, ...others.filter((o) => o !== null)];
}

/** How many students each service can still decide on in the round: visible, and undecided. */
async function openCounts(round: Round, services: Organisation[], now: Date): Promise<Map<string, number>> {
  const segment = segmentOf(round);
  const everyone = scopeOf({ id: '*', province: undefined }, 'all', segment);
  const students = (
    await Promise.all(openIndexQueries(everyone, round.track, now).map((q) => openStudents(q)))
  ).flat();
  const counts = new Map<string, number>();
  for (const service of services) {
    const scope = scopeOf(service, round.kind, segment);
    const decisions = await decisionsOfService(service.id);
    counts.set(
      service.id,
      students.filter((s) => inScope(s, scope, now) && (decisions.get(s.id) ?? 'undecided') === 'undecided')
        .length,
    );
  }
  return counts;
}

/**
 * The mails of one moment. Opening and closing mails are the same for every organisation of a kind,
 * so a person who acts for two gets one (their outbox id is their person id); a reminder carries
 * one service's count, so a member gets one per service they act for.
 */
async function recipientsOf(round: Round, moment: StoredMoment, now: Date): Promise<Recipient[]> {
  const services = (await listOrganisations('service')).filter((o) => o.active !== false);
  const out: Recipient[] = [];
  if (moment.kind === 'reminder') {
    const counts = await openCounts(round, services, now);
    for (const service of services) {
      const open = counts.get(service.id) ?? 0;
      if (open === 0) continue;
      for (const { person, member } of await peopleOf(service)) {
        if (person.reminders === false) continue;
        out.push({
          key: member ? `${person.id}@${service.id}` : person.id,
          person,
          organisation: service,
          mail: reminderMail(person, round, open, service.name),
        });
      }
    }
    return out;
  }
  const schools = (await listOrganisations('school')).filter(
    (o) => o.active !== false && (o.tracks ?? []).includes(round.track),
  );
  for (const org of [...services, ...schools]) {
    for (const { person } of await peopleOf(org)) {
      const mail =
        moment.kind === 'open'
          ? roundOpenMail(person, round, org.type === 'school' ? 'school' : 'service')
          : roundCloseMail(person, round);
      out.push({ key: person.id, person, organisation: org, mail });
    }
  }
  return out;
}

async function sendOne(
  item: OutboxMail,
  mailer: Mailer,
  now: Date,
): Promise<'sent' | 'retry' | 'failed' | 'skipped'> {
  if (!(await claim(item, now, LEASE_MS))) return 'skipped';
  try {
    const { messageId, suppressed } = await mailer.send(item.mail);
    if (suppressed) {
      // No retry can help: the address is dead until someone corrects it.
      await markAttemptFailed(item, unreachableReason(suppressed), now, true);
      return 'failed';
    }
    await markSent(item, messageId, now);
    return 'sent';
  } catch (error) {
    const final = item.attempts + 1 >= MAX_ATTEMPTS;
    await markAttemptFailed(item, error instanceof Error ? error.message : String(error), now, final);
    logger.warn('Round mail not sent', {
      roundId: item.roundId,
      moment: item.moment,
      attempt: item.attempts + 1,
      final,
    });
    if (final) count(FIGURES.mailsGivenUp);
    return final ? 'failed' : 'retry';
  }
}

/**
 * A student's news into the outbox: one mail per person of the school, unless they switched that
 * kind off under "Mijn account". The outbox id is the person's, so a repeated tick queues nothing twice.
 */
async function queueNews(moment: StoredMoment, now: Date) {
  const news = moment.news as SchoolNews | undefined;
  const school = news ? await getOrganisation(news.schoolId) : null;
  if (!news || !school) return;
  for (const { person, member } of await peopleOf(school)) {
    if (person.newsOff?.includes(news.kind)) continue;
    await addToOutbox({
      roundId: moment.roundId,
      moment: moment.moment,
      personId: member ? `${person.id}@${school.id}` : person.id,
      organisationId: school.id,
      organisationName: school.name,
      mail: schoolNewsMail(person, news),
      createdAt: now.toISOString(),
    });
  }
}

/**
 * One moment: every recipient's mail first goes into the outbox under its deterministic id
 * (conditional put: a second delivery finds it there), then every pending one is claimed and
 * sent. The moment is done when nothing is left pending; failed attempts wait for the next tick.
 */
async function runMoment(round: Round, moment: StoredMoment, mailer: Mailer, now: Date) {
  for (const r of await recipientsOf(round, moment, now)) {
    await addToOutbox({
      roundId: round.id,
      moment: moment.moment,
      personId: r.key,
      organisationId: r.organisation.id,
      organisationName: r.organisation.name,
      mail: r.mail,
      createdAt: now.toISOString(),
    });
  }
  return deliver(moment, mailer, now);
}

/**
 * Sends every pending mail of a moment's outbox; the moment is done when none is left pending.
 * `pendingSince` is when the oldest mail still left pending was queued (for the backlog figure).
 */
async function deliver(moment: StoredMoment, mailer: Mailer, now: Date) {
  const tally = { sent: 0, retry: 0, failed: 0, skipped: 0 };
  let pendingSince: string | undefined;
  for (const item of await outboxOf(moment.roundId, moment.moment)) {
    if (item.status !== 'pending') continue;
    const outcome = await sendOne(item, mailer, now);
    tally[outcome]++;
    const waits = outcome === 'retry' || outcome === 'skipped';
    if (waits && (!pendingSince || item.createdAt < pendingSince)) pendingSince = item.createdAt;
  }
  if (tally.retry === 0 && tally.skipped === 0)
    await markMomentDone(moment.roundId, moment.moment, now.toISOString());
  return { ...tally, pendingSince };
}

/**
 * The outbox backlog: how long the oldest mail still waiting has waited, in seconds (0 when none
 * waits). A moment that failed before its mails were read counts from its due time.
 */
function backlogAge(pendingSince: (string | undefined)[], now: Date): number {
  const times = pendingSince.filter((t) => t !== undefined).map(instantOf);
  return times.length === 0 ? 0 : Math.max(0, (now.getTime() - Math.min(...times)) / 1000);
}

/** Outbox items carry instants; moments Brussels wall-clock times (a manual one an instant). */
const instantOf = (time: string) =>
  /(Z|[+-]\d{2}:\d{2})$/.test(time) ? Date.parse(time) : brusselsToInstant(time).getTime();

/**
 * What a tick of the scheduler does: record every moment that fell due (open, close, reminders of
 * the stored calendar, so an edit counts at once), then work through every pending moment. Safe
 * to run any number of times, late, or twice at once.
 */
export async function runMailings(options: { now: Date; mailer: Mailer }) {
  const { now, mailer } = options;
  await ensureSeeded();
  const { rounds, reminders: cadence } = await loadCalendar();
  for (const m of dueMoments(rounds, cadence, now, LOOKBACK_MS)) await ensureMoment(m);
  const totals = { moments: 0, sent: 0, retry: 0, failed: 0 };
  const pending = (await pendingMoments()).sort((a, b) => a.at.localeCompare(b.at));
  const errors: unknown[] = [];
  const waiting: (string | undefined)[] = [];
  for (const moment of pending) {
    if (moment.kind === 'adhoc' || moment.kind === 'news') {
      // The admin's own mailing: its outbox was filled when it was sent; only deliver it. A
      // student's news: one mail per person of the school who wants that kind, then delivered.
      try {
        if (moment.kind === 'news') await queueNews(moment, now);
        const tally = await deliver(moment, mailer, now);
        totals.moments++;
        totals.sent += tally.sent;
        totals.retry += tally.retry;
        totals.failed += tally.failed;
        waiting.push(tally.pendingSince);
      } catch (error) {
        logger.error('Mailing failed', { mailing: moment.roundId, error });
        errors.push(error);
        waiting.push(moment.at);
      }
      continue;
    }
    const round = rounds.find((r) => r.id === moment.roundId);
    if (!round) {
      // The admin deleted the round: nothing left to announce.
      await markMomentDone(moment.roundId, moment.moment, now.toISOString());
      continue;
    }
    try {
      const tally = await runMoment(round, moment, mailer, now);
      totals.moments++;
      totals.sent += tally.sent;
      totals.retry += tally.retry;
      totals.failed += tally.failed;
      waiting.push(tally.pendingSince);
    } catch (error) {
      // One broken moment does not hold up the others; it stays pending for the next tick.
      logger.error('Round mailing moment failed', { roundId: moment.roundId, moment: moment.moment, error });
      errors.push(error);
      waiting.push(moment.at);
    }
  }
  const oldest = backlogAge(waiting, now);
  seconds(FIGURES.outboxOldestPendingAge, oldest);
  // The tick ran, with the backlog it left (the admin's health panel), even if a moment failed.
  await recordHeartbeat(MAILINGS_TICK, now, {
    outboxWaiting: totals.retry,
    outboxOldestAt: oldest > 0 ? new Date(now.getTime() - oldest * 1000).toISOString() : null,
  });
  // Failing the invocation makes the scheduler retry it, and then park it as a dead letter.
  if (errors.length > 0) throw new AggregateError(errors, `${errors.length} mailing moment(s) failed`);
  return totals;
}
