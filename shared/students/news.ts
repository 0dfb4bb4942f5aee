import type { NewsKind } from '#contract/session';
import type { Placement } from '#contract/students';
import { settings } from '#platform/config';
import { putIfAbsent } from '#platform/table/items';
import { keys } from '#platform/table/keys';
import type { StoredStudent } from './rules';

/**
 * What the school is told about its students: a service accepted or invited one, the outcome of an
 * invitation, a placement that ended. Each event is one item in the mail outbox's moments under a
 * key of its own (the student and the event), written once — in the same transaction as the change
 * where there is one — so that a retried request or a repeated tick never mails twice; the mailing
 * tick (`shared/mailings/run.ts`) turns it into one mail per person of the school who wants it.
 */
export interface SchoolNews {
  kind: NewsKind;
  studentId: string;
  studentName: string;
  schoolId: string;
  serviceName: string;
  /** The mentor the service named; none yet for an invitation. */
  mentor: { name: string; phone: string; email: string } | null;
  /** The periods concerned: those the service took on, or those the school asked for. */
  periods: { start: string; end: string }[];
  /** Outcome of an invitation: the status the service recorded. */
  outcome?: 'not_accepted' | 'no_show';
  /** A placement that ended: how. */
  ended?: 'stopped' | 'released';
}

/** The outbox "round" of a student's news: one per student, one moment per event. */
export const newsRoundOf = (studentId: string) => `student-${studentId}`;
export const isNewsRound = (roundId: string) => roundId.startsWith('student-');

const name = (s: StoredStudent) => `${s.firstName} ${s.lastName}`;

const placedPeriods = (s: StoredStudent, placement: Placement) =>
  placement.periods.map((i) => s.internship.periods[i]).filter((p) => p !== undefined);

/** The event's item in the outbox (kind `news`), for a transaction or a put of its own. */
export function newsItem(event: string, news: SchoolNews, at: string) {
  return {
    ...keys.mailingMoment(newsRoundOf(news.studentId), event),
    roundId: newsRoundOf(news.studentId),
    moment: event,
    kind: 'news',
    at,
    status: 'pending',
    news,
  };
}

/** What the school reads about a placement: the student, the service, the mentor, the periods. */
const placementNews = (student: StoredStudent, placement: Placement) => ({
  studentId: student.id,
  studentName: name(student),
  schoolId: student.schoolId,
  serviceName: placement.serviceName,
  mentor: placement.contact,
  periods: placedPeriods(student, placement),
});

/**
 * A service accepted the student. Exclusive, but not once per student: a placement the sector
 * released can be accepted again, so the event is keyed by its moment. It is written in the
 * acceptance's own transaction, which makes it once per acceptance.
 */
export function acceptedNews(student: StoredStudent, placement: Placement, at: string) {
  return newsItem(`accepted-${at}`, { kind: 'accepted', ...placementNews(student, placement) }, at);
}

/** The event as one item of a transaction: written once, with the change it reports. */
export const newsPut = (item: ReturnType<typeof newsItem>) => ({
  Put: { TableName: settings.tableName(), Item: item, ConditionExpression: 'attribute_not_exists(pk)' },
});

/** Dual: a service invited the student to an interview (once per service: an invitation stays). */
export const recordInvited = (student: StoredStudent, service: { id: string; name: string }, at: string) =>
  putIfAbsent(
    newsItem(
      `invited-${service.id}`,
      {
        kind: 'invited',
        studentId: student.id,
        studentName: name(student),
        schoolId: student.schoolId,
        serviceName: service.name,
        mentor: null,
        periods: student.internship.periods,
      },
      at,
    ),
  );

/** Dual: the outcome of an interview that did not lead to a place (once per service and outcome). */
export const recordOutcome = (
  student: StoredStudent,
  service: { id: string; name: string },
  outcome: 'not_accepted' | 'no_show',
  at: string,
) =>
  putIfAbsent(
    newsItem(
      `outcome-${service.id}-${outcome}`,
      {
        kind: 'outcome',
        studentId: student.id,
        studentName: name(student),
        schoolId: student.schoolId,
        serviceName: service.name,
        mentor: null,
        periods: student.internship.periods,
        outcome,
      },
      at,
    ),
  );

/** A placement that ended, as an item for the write that ends it; null when the student was not placed. */
export function endedNews(student: StoredStudent, how: 'stopped' | 'released', at: string) {
  const placement = student.placement;
  if (!placement) return null;
  return newsItem(
    `ended-${how}-${at}`,
    { kind: 'ended', ...placementNews(student, placement), ended: how },
    at,
  );
}

/**
 * For the sector's release of a placement: tells the school once (the release's instant is part of
 * the event's key, so a retry of the same release mails nothing twice). Call it with the student as
 * it was placed, before the release; put `endedNews(student, 'released', at)` into the release's
 * own transaction instead where it has one.
 */
export async function announcePlacementReleased(student: StoredStudent, at: Date): Promise<boolean> {
  const item = endedNews(student, 'released', at.toISOString());
  return item ? putIfAbsent(item) : false;
}
