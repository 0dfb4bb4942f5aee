import { fold } from '#kernel/text';

/**
 * Item keys of the single table. Every access pattern is a GetItem or a Query on these; nothing
 * scans.
 *
 * | item            | pk                | sk                | gsi1pk / gsi1sk                  |
 * | organisation    | ORG#<id>          | ORG               | ORG / <type>#<name>#<id>         |
 * | person          | ORG#<orgId>       | PERSON#<id>       |                                  |
 * | email claim     | EMAIL#<email>     | EMAIL             |                                  |
 * | identity        | USER#<sub>        | IDENTITY          |                                  |
 * | one-time token  | TOKEN#<sha256>    | TOKEN             |                                  |
 * | login attempts  | LOGIN#<email>     | ATTEMPTS          |                                  |
 * | session         | SESSION#<id>      | SESSION           |                                  |
 * | supervisor      | ORG#<schoolId>    | SUPERVISOR#<id>   |                                  |
 * | student         | STUDENT#<id>      | STUDENT           | SCHOOL#<schoolId> / <registeredAt>#<id> |
 * |   while open    |                   |                   | gsi2: OPEN#<track>#<province> / <postcode>#<name>#<id> |
 * | decision        | STUDENT#<id>      | DECISION#<svcId>  | DECISIONS#<svcId> / <status>#<studentId> |
 * | decision history| STUDENT#<id>      | HISTORY#<at>#...  |                                  |
 * | status counts   | STUDENT#<id>      | COUNTS            |                                  |
 * | release request | STUDENT#<id>      | RELEASEREQUEST    | RELEASEREQUESTS / <requestedAt>#<studentId> (pending only) |
 * | contact person  | ORG#<serviceId>   | CONTACT#<id>      |                                  |
 * | track phase     | TRACK#<track>     | PHASE             | (before the calendar; unused)    |
 * | calendar meta   | CALENDAR          | META              |                                  |
 * | round           | CALENDAR          | ROUND#<id>        |                                  |
 * | phase override  | CALENDAR          | OVERRIDE#<track>  |                                  |
 * | mailing moment  | MAILINGS          | MOMENT#<round>#<moment> |                            |
 * | outbox mail     | MAIL#<round>#<moment> | TO#<personId> | MAILFAILED / <failedAt>#<id> (failed only) |
 * | nat. number claim| NATIONAL#<hmac>  | SCHOOL#<schoolId> |                                  |
 * | notice (admin)  | NOTICES           | <at>#<id>         |                                  |
 * | table secret    | SECRET#<name>     | SECRET            |                                  |
 * | hours entry     | STUDENT#<id>      | HOURS#<date>#<id> |                                  |
 * | evaluation      | STUDENT#<id>      | EVAL#<at>#<id>    |                                  |
 * | trajectory      | STUDENT#<id>      | TRAJECTORY        | (hour sums per context, remote supervision, completion) |
 * | named counters  | STATS#<name>      | STATS             | (e.g. evaluation counts)         |
 * | registration    | REGISTRATION#<id> | REGISTRATION      | REGISTRATIONS / <submittedAt>#<id>; gsi2 while pending: REGISTRATIONS#PENDING |
 * | registration email | REGEMAIL#<email> | REGEMAIL        |                                  |
 * | takeover        | TAKEOVER#<id>     | TAKEOVER          | TAKEOVERS#<serviceId> / <at>#<id>; gsi2 TAKEOVERS#OPEN / <deadline>#<id> or TAKEOVERS#ESCALATED |
 * | takeover claim  | TAKEOVERCLAIM#<personId> | SERVICE#<svc> | (while the request is open)   |
 * | membership      | MEMBER#<personId> | ORG#<orgId>       | MEMBERS#<orgId> / <personId>     |
 * | job claim       | JOB#<name>        | JOB               | (a scheduled mail sent once)     |
 * | outcome reminder| REMINDER#<svcId>  | OUTCOMES#<day>    | (a service's daily reminder, sent once) |
 * | placement counters | STATS#<track>  | <row>#<shard>     |                                  |
 * | open counts     | OPENCOUNT#<track> | A#… T#… P#… F#… (see below) | (services' list totals)   |
 * | export job      | EXPORT#<id>       | EXPORT            |                                  |
 * | audit record    | AUDIT#<yyyy-mm>   | <iso>#<id>        |                                  |
 * | suppressed address | SUPPRESSED#<email> | SUPPRESSED   | (a permanent bounce or a complaint) |
 * | import job      | IMPORT#<id>       | IMPORT            | RUNNING#import / <createdAt>#<id> (while not done) |
 * | import row      | IMPORT#<id>       | ROW#<000042>      | (what row 42 created, skipped or refused) |
 * | import file     | IMPORT#<id>       | FILE#<0000>       | (the uploaded file, in chunks)   |
 * | imported email  | IMPORTEMAIL#<email> | IMPORTEMAIL     | (the import and organisation that took it) |
 * | heartbeat       | HEARTBEAT#<name>  | HEARTBEAT         | (when a scheduled job last ran)  |
 * | mail event (SES) | MAILEVENT#<messageId>#<email> | <type>#<at> | MAILEVENTS / <at>#<type>#<email> |
 *
 * Queries start from the `…Partition` and `…Prefix` entries, so that no store spells a key itself
 * (`tests/unit/key-strings.test.ts` holds that).
 * | anonymous counts| STATS#YEAR        | STATS             | (kept when personal data is erased) |
 *
 * The school years' registry is a table of its own (YEARS_TABLE, long-lived: it outlives every
 * year), with one partition:
 *
 * | school year     | YEARS             | <yyyy-yyyy>       |                                  |
 */
const organisationPk = (id: string) => `ORG#${id}`;
const studentPk = (id: string) => `STUDENT#${id}`;

export const keys = {
  organisation: (id: string) => ({ pk: organisationPk(id), sk: 'ORG' }),
  /** The organisation's own item and its people, supervisors and contact persons. */
  organisationPartition: organisationPk,
  organisationIndex: (type: string, name: string, id: string) => ({
    gsi1pk: 'ORG',
    gsi1sk: `${type}#${name.toLocaleLowerCase('nl-BE')}#${id}`,
  }),
  organisationIndexPartition: 'ORG',
  organisationIndexPrefix: (type: string) => `${type}#`,
  person: (organisationId: string, personId: string) => ({
    pk: organisationPk(organisationId),
    sk: `PERSON#${personId}`,
  }),
  personPrefix: 'PERSON#',
  email: (email: string) => ({ pk: `EMAIL#${email.toLowerCase()}`, sk: 'EMAIL' }),
  identity: (subject: string) => ({ pk: `USER#${subject}`, sk: 'IDENTITY' }),
  token: (hash: string) => ({ pk: `TOKEN#${hash}`, sk: 'TOKEN' }),
  loginAttempts: (email: string) => ({ pk: `LOGIN#${email.toLowerCase()}`, sk: 'ATTEMPTS' }),
  session: (id: string) => ({ pk: `SESSION#${id}`, sk: 'SESSION' }),
  supervisor: (schoolId: string, id: string) => ({ pk: organisationPk(schoolId), sk: `SUPERVISOR#${id}` }),
  student: (id: string) => ({ pk: studentPk(id), sk: 'STUDENT' }),
  /** The student's own item and what hangs under it: decisions, history, hours, evaluations. */
  studentPartition: studentPk,
  /** The sort key of every student item (migrations scan for it). */
  studentSortKey: 'STUDENT',
  /** Present only while a student waits for a place: acceptance and stopping remove it. */
  openStudent: (track: string, province: string, postcode: string, lastName: string, id: string) => ({
    gsi2pk: `OPEN#${track}#${province}`,
    gsi2sk: `${postcode}#${fold(lastName)}#${id}`,
  }),
  openPartition: (track: string, province: string) => `OPEN#${track}#${province}`,
  decision: (studentId: string, serviceId: string) => ({
    pk: studentPk(studentId),
    sk: `DECISION#${serviceId}`,
  }),
  decisionPrefix: 'DECISION#',
  decisionByService: (serviceId: string, status: string, studentId: string) => ({
    gsi1pk: `DECISIONS#${serviceId}`,
    gsi1sk: `${status}#${studentId}`,
  }),
  decisionByServicePartition: (serviceId: string) => `DECISIONS#${serviceId}`,
  decisionByServicePrefix: (status: string) => `${status}#`,
  history: (studentId: string, at: string, serviceId: string) => ({
    pk: studentPk(studentId),
    sk: `HISTORY#${at}#${serviceId}`,
  }),
  historyPrefix: 'HISTORY#',
  /** The accepting service's request to release the placement (one per student, the latest). */
  releaseRequest: (studentId: string) => ({ pk: studentPk(studentId), sk: 'RELEASEREQUEST' }),
  /** Present only while the request waits for the sector: its to-do list, oldest first. */
  pendingReleaseRequest: (requestedAt: string, studentId: string) => ({
    gsi1pk: 'RELEASEREQUESTS',
    gsi1sk: `${requestedAt}#${studentId}`,
  }),
  pendingReleaseRequestPartition: 'RELEASEREQUESTS',
  /** How often services chose each status for a student: one counter attribute per status. */
  statusCounts: (studentId: string) => ({ pk: studentPk(studentId), sk: 'COUNTS' }),
  contact: (serviceId: string, id: string) => ({ pk: organisationPk(serviceId), sk: `CONTACT#${id}` }),
  contactPrefix: 'CONTACT#',
  trackPhase: (track: string) => ({ pk: `TRACK#${track}`, sk: 'PHASE' }),
  calendarPartition: 'CALENDAR',
  calendarMeta: () => ({ pk: 'CALENDAR', sk: 'META' }),
  round: (id: string) => ({ pk: 'CALENDAR', sk: `ROUND#${id}` }),
  roundPrefix: 'ROUND#',
  phaseOverride: (track: string) => ({ pk: 'CALENDAR', sk: `OVERRIDE#${track}` }),
  phaseOverridePrefix: 'OVERRIDE#',
  mailingsPartition: 'MAILINGS',
  /** The admin's own mailing to a group (shared/mailings), sent once per id. */
  mailing: (id: string) => ({ pk: `MAILING#${id}`, sk: 'MAILING' }),
  mailingMoment: (roundId: string, moment: string) => ({ pk: 'MAILINGS', sk: `MOMENT#${roundId}#${moment}` }),
  outboxPartition: (roundId: string, moment: string) => `MAIL#${roundId}#${moment}`,
  outboxMail: (roundId: string, moment: string, personId: string) => ({
    pk: `MAIL#${roundId}#${moment}`,
    sk: `TO#${personId}`,
  }),
  failedMail: (failedAt: string, id: string) => ({ gsi1pk: 'MAILFAILED', gsi1sk: `${failedAt}#${id}` }),
  failedMailPartition: 'MAILFAILED',
  /** One per school and national register number (by its keyed hash): a school enters a person once. */
  nationalNumberClaim: (hash: string, schoolId: string) => ({
    pk: `NATIONAL#${hash}`,
    sk: `SCHOOL#${schoolId}`,
  }),
  nationalNumberClaims: (hash: string) => `NATIONAL#${hash}`,
  notice: (at: string, id: string) => ({ pk: 'NOTICES', sk: `${at}#${id}` }),
  secret: (name: string) => ({ pk: `SECRET#${name}`, sk: 'SECRET' }),
  /** Placement counters of a track, one row split over shards (see shared/statistics/rules.ts). */
  counter: (track: string, row: string, shard: number) => ({ pk: `STATS#${track}`, sk: `${row}#${shard}` }),
  counterPartition: (track: string) => `STATS#${track}`,
  /**
   * How many open students each list total covers (shared/statistics/open-counts.ts), one item per
   * row: `A#<province>#<seg>#<vis>#<shard>` (everyone), `T#<province>#<seg>#<vis>#<mask>` (by
   * transport), `P#<postcode>#<province>#<seg>#<vis>#<mask>` (by postcode) and
   * `F#<serviceId>#<province>#<seg>#<vis>#<postcode>#<mask>` (who chose that service).
   */
  openCount: (track: string, row: string, shard?: number) => ({
    pk: `OPENCOUNT#${track}`,
    sk: shard === undefined ? row : `${row}#${shard}`,
  }),
  openCountPartition: (track: string) => `OPENCOUNT#${track}`,
  openCountRow: {
    everyone: (province: string, seg: string, vis: string) => `A#${province}#${seg}#${vis}`,
    byTransport: (province: string, seg: string, vis: string, mask: string) =>
      `T#${province}#${seg}#${vis}#${mask}`,
    byPostcode: (postcode: string, province: string, seg: string, vis: string, mask: string) =>
      `P#${postcode}#${province}#${seg}#${vis}#${mask}`,
    preferring: (
      serviceId: string,
      province: string,
      seg: string,
      vis: string,
      postcode: string,
      mask: string,
    ) => `F#${serviceId}#${province}#${seg}#${vis}#${postcode}#${mask}`,
    /** Sort-key prefixes a list reads: one family, narrowed where its key allows. */
    everyonePrefix: 'A#',
    byTransportPrefix: 'T#',
    byPostcodePrefix: (postcodePrefix: string) => `P#${postcodePrefix}`,
    preferringPrefix: (serviceId: string) => `F#${serviceId}#`,
  },
  exportJob: (id: string) => ({ pk: `EXPORT#${id}`, sk: 'EXPORT' }),
  /** One partition per month (UTC), sorted by time: the admin lists a month with one query. */
  audit: (at: string, id: string) => ({ pk: `AUDIT#${at.slice(0, 7)}`, sk: `${at}#${id}` }),
  /** The audit partition of a month, `YYYY-MM`. */
  auditPartition: (month: string) => `AUDIT#${month}`,
  studentBySchool: (schoolId: string, registeredAt: string, id: string) => ({
    gsi1pk: `SCHOOL#${schoolId}`,
    gsi1sk: `${registeredAt}#${id}`,
  }),
  studentBySchoolPartition: (schoolId: string) => `SCHOOL#${schoolId}`,
  hours: (studentId: string, date: string, id: string) => ({
    pk: studentPk(studentId),
    sk: `HOURS#${date}#${id}`,
  }),
  hoursPrefix: 'HOURS#',
  evaluation: (studentId: string, at: string, id: string) => ({
    pk: studentPk(studentId),
    sk: `EVAL#${at}#${id}`,
  }),
  evaluationPrefix: 'EVAL#',
  trajectory: (studentId: string) => ({ pk: studentPk(studentId), sk: 'TRAJECTORY' }),
  stats: (name: string) => ({ pk: `STATS#${name}`, sk: 'STATS' }),
  registration: (id: string) => ({ pk: `REGISTRATION#${id}`, sk: 'REGISTRATION' }),
  registrationIndex: (submittedAt: string, id: string) => ({
    gsi1pk: 'REGISTRATIONS',
    gsi1sk: `${submittedAt}#${id}`,
  }),
  registrationIndexPartition: 'REGISTRATIONS',
  pendingRegistration: (submittedAt: string, id: string) => ({
    gsi2pk: 'REGISTRATIONS#PENDING',
    gsi2sk: `${submittedAt}#${id}`,
  }),
  pendingRegistrationPartition: 'REGISTRATIONS#PENDING',
  registrationEmail: (email: string) => ({ pk: `REGEMAIL#${email.toLowerCase()}`, sk: 'REGEMAIL' }),
  takeover: (id: string) => ({ pk: `TAKEOVER#${id}`, sk: 'TAKEOVER' }),
  takeoverByService: (serviceId: string, at: string, id: string) => ({
    gsi1pk: `TAKEOVERS#${serviceId}`,
    gsi1sk: `${at}#${id}`,
  }),
  takeoverByServicePartition: (serviceId: string) => `TAKEOVERS#${serviceId}`,
  /** Present while managers may still answer; escalation moves the takeover to ESCALATED. */
  openTakeover: (deadline: string, id: string) => ({ gsi2pk: 'TAKEOVERS#OPEN', gsi2sk: `${deadline}#${id}` }),
  openTakeoverPartition: 'TAKEOVERS#OPEN',
  escalatedTakeover: (at: string, id: string) => ({ gsi2pk: 'TAKEOVERS#ESCALATED', gsi2sk: `${at}#${id}` }),
  escalatedTakeoverPartition: 'TAKEOVERS#ESCALATED',
  /** One open takeover per person and service; the person's open requests are one query. */
  takeoverClaim: (personId: string, serviceId: string) => ({
    pk: `TAKEOVERCLAIM#${personId}`,
    sk: `SERVICE#${serviceId}`,
  }),
  takeoverClaimPartition: (personId: string) => `TAKEOVERCLAIM#${personId}`,
  membership: (personId: string, organisationId: string) => ({
    pk: `MEMBER#${personId}`,
    sk: organisationPk(organisationId),
  }),
  membershipPartition: (personId: string) => `MEMBER#${personId}`,
  /** A membership's sort key is the organisation's partition key. */
  membershipPrefix: organisationPk(''),
  membershipByOrganisation: (organisationId: string, personId: string) => ({
    gsi1pk: `MEMBERS#${organisationId}`,
    gsi1sk: personId,
  }),
  membershipByOrganisationPartition: (organisationId: string) => `MEMBERS#${organisationId}`,
  job: (name: string) => ({ pk: `JOB#${name}`, sk: 'JOB' }),
  /** A service's reminder of outcomes to record, once per Brussels day. */
  outcomeReminder: (serviceId: string, day: string) => ({
    pk: `REMINDER#${serviceId}`,
    sk: `OUTCOMES#${day}`,
  }),
  /** What survives a year's erasure: counts per programme, province, service and status. */
  yearCounts: () => ({ pk: 'STATS#YEAR', sk: 'STATS' }),
  /** The registry of school years (its own table): one item per year, one query lists them all. */
  schoolYearsPartition: 'YEARS',
  schoolYear: (schoolYear: string) => ({ pk: 'YEARS', sk: schoolYear }),
  /** An address SES reported dead (permanent bounce) or that complained: nothing is sent to it. */
  suppressed: (email: string) => ({ pk: `SUPPRESSED#${email.toLowerCase()}`, sk: 'SUPPRESSED' }),
  /** One SES event for one recipient; the same notification delivered twice is one item. */
  mailEvent: (messageId: string, email: string, type: string, at: string) => ({
    pk: `MAILEVENT#${messageId}#${email.toLowerCase()}`,
    sk: `${type}#${at}`,
  }),
  /** Every bounce, complaint, delay and reject, newest last: the admin's list and the 24 h figures. */
  mailEventIndex: (at: string, type: string, email: string) => ({
    gsi1pk: 'MAILEVENTS',
    gsi1sk: `${at}#${type}#${email.toLowerCase()}`,
  }),
  mailEventsPartition: 'MAILEVENTS',
  /** A background job (import, export) that has not finished: the health panel counts them. */
  runningJob: (kind: 'import' | 'export', createdAt: string, id: string) => ({
    gsi1pk: `RUNNING#${kind}`,
    gsi1sk: `${createdAt}#${id}`,
  }),
  runningJobs: (kind: 'import' | 'export') => `RUNNING#${kind}`,
  importJob: (id: string) => ({ pk: `IMPORT#${id}`, sk: 'IMPORT' }),
  /** One per processed row, written in the same transaction as the job's counters. */
  importRow: (id: string, row: number) => ({ pk: `IMPORT#${id}`, sk: `ROW#${String(row).padStart(6, '0')}` }),
  importRowPrefix: 'ROW#',
  /** The uploaded file of an import, in chunks in order (every run reads it again). */
  importFile: (id: string, part: number) => ({
    pk: `IMPORT#${id}`,
    sk: `FILE#${String(part).padStart(4, '0')}`,
  }),
  importFilePrefix: 'FILE#',
  /** The organisation address an import took: a second import (even at the same moment) skips it. */
  importedEmail: (email: string) => ({ pk: `IMPORTEMAIL#${email.toLowerCase()}`, sk: 'IMPORTEMAIL' }),
  /** When a scheduled job last ran (the round mailings tick): the admin's health panel. */
  heartbeat: (name: string) => ({ pk: `HEARTBEAT#${name}`, sk: 'HEARTBEAT' }),
};

/**
 * Item key prefixes that carry over to the next school year (shared/school-years/carry-over.ts):
 * organisations with their people, supervisors and contact persons, the address claims, the
 * logins' identities and memberships, and the suppressed addresses. Everything else belongs to one
 * year.
 */
export const CARRIED_PREFIXES = {
  organisation: { pk: 'ORG#', sk: 'ORG' },
  person: { pk: 'ORG#', sk: 'PERSON#' },
  supervisor: { pk: 'ORG#', sk: 'SUPERVISOR#' },
  contact: { pk: 'ORG#', sk: 'CONTACT#' },
  email: { pk: 'EMAIL#', sk: 'EMAIL' },
  identity: { pk: 'USER#', sk: 'IDENTITY' },
  membership: { pk: 'MEMBER#', sk: 'ORG#' },
  suppressed: { pk: 'SUPPRESSED#', sk: 'SUPPRESSED' },
} as const;

/** Key prefixes of the items a year's erasure clears or deletes (shared/school-years/retention.ts). */
export const ERASED_PREFIXES = {
  student: { pk: 'STUDENT#', sk: 'STUDENT' },
  evaluation: { pk: 'STUDENT#', sk: 'EVAL#' },
  supervisor: { pk: 'ORG#', sk: 'SUPERVISOR#' },
  contact: { pk: 'ORG#', sk: 'CONTACT#' },
  audit: { pk: 'AUDIT#', sk: '' },
  nationalNumberClaim: { pk: 'NATIONAL#', sk: '' },
  exportJob: { pk: 'EXPORT#', sk: 'EXPORT' },
  blindIndexKey: { pk: 'SECRET#blind-index', sk: 'SECRET' },
  releaseRequest: { pk: 'STUDENT#', sk: 'RELEASEREQUEST' },
  outboxMail: { pk: 'MAIL#', sk: 'TO#' },
  mailingMoment: { pk: 'MAILINGS', sk: 'MOMENT#' },
  suppressed: { pk: 'SUPPRESSED#', sk: 'SUPPRESSED' },
  mailEvent: { pk: 'MAILEVENT#', sk: '' },
} as const;

/** Whether an item's keys start with a prefix pair (an `sk` of `ORG` or `STUDENT` must match whole). */
export function hasPrefix(item: { pk: string; sk: string }, prefix: { pk: string; sk: string }): boolean {
  if (!item.pk.startsWith(prefix.pk)) return false;
  return prefix.sk.endsWith('#') || prefix.sk === '' ? item.sk.startsWith(prefix.sk) : item.sk === prefix.sk;
}

/** Epoch seconds for DynamoDB TTL, which removes expired items within a day or two. */
export const ttl = (ms: number) => Math.ceil(ms / 1000);

/** Keys and index attributes stay inside the data layer. */
export function stripKeys<T extends Record<string, unknown>>(item: T) {
  const {
    pk: _pk,
    sk: _sk,
    gsi1pk: _g1,
    gsi1sk: _g1s,
    gsi2pk: _g2,
    gsi2sk: _g2s,
    expiresAt: _e,
    ...rest
  } = item;
  return rest;
}
