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
 * | placement counters | STATS#<track>  | <row>#<shard>     |                                  |
 * | open counts     | OPENCOUNT#<track> | A#… T#… P#… F#… (see below) | (services' list totals)   |
 * | export job      | EXPORT#<id>       | EXPORT            |                                  |
 * | audit record    | AUDIT#<yyyy-mm>   | <iso>#<id>        |                                  |
 */
export const keys = {
  organisation: (id: string) => ({ pk: `ORG#${id}`, sk: 'ORG' }),
  organisationIndex: (type: string, name: string, id: string) => ({
    gsi1pk: 'ORG',
    gsi1sk: `${type}#${name.toLocaleLowerCase('nl-BE')}#${id}`,
  }),
  person: (organisationId: string, personId: string) => ({
    pk: `ORG#${organisationId}`,
    sk: `PERSON#${personId}`,
  }),
  email: (email: string) => ({ pk: `EMAIL#${email.toLowerCase()}`, sk: 'EMAIL' }),
  identity: (subject: string) => ({ pk: `USER#${subject}`, sk: 'IDENTITY' }),
  token: (hash: string) => ({ pk: `TOKEN#${hash}`, sk: 'TOKEN' }),
  loginAttempts: (email: string) => ({ pk: `LOGIN#${email.toLowerCase()}`, sk: 'ATTEMPTS' }),
  session: (id: string) => ({ pk: `SESSION#${id}`, sk: 'SESSION' }),
  supervisor: (schoolId: string, id: string) => ({ pk: `ORG#${schoolId}`, sk: `SUPERVISOR#${id}` }),
  student: (id: string) => ({ pk: `STUDENT#${id}`, sk: 'STUDENT' }),
  /** Present only while a student waits for a place: acceptance and stopping remove it. */
  openStudent: (track: string, province: string, postcode: string, lastName: string, id: string) => ({
    gsi2pk: `OPEN#${track}#${province}`,
    gsi2sk: `${postcode}#${fold(lastName)}#${id}`,
  }),
  openPartition: (track: string, province: string) => `OPEN#${track}#${province}`,
  decision: (studentId: string, serviceId: string) => ({
    pk: `STUDENT#${studentId}`,
    sk: `DECISION#${serviceId}`,
  }),
  decisionByService: (serviceId: string, status: string, studentId: string) => ({
    gsi1pk: `DECISIONS#${serviceId}`,
    gsi1sk: `${status}#${studentId}`,
  }),
  history: (studentId: string, at: string, serviceId: string) => ({
    pk: `STUDENT#${studentId}`,
    sk: `HISTORY#${at}#${serviceId}`,
  }),
  /** How often services chose each status for a student: one counter attribute per status. */
  statusCounts: (studentId: string) => ({ pk: `STUDENT#${studentId}`, sk: 'COUNTS' }),
  contact: (serviceId: string, id: string) => ({ pk: `ORG#${serviceId}`, sk: `CONTACT#${id}` }),
  trackPhase: (track: string) => ({ pk: `TRACK#${track}`, sk: 'PHASE' }),
  calendarPartition: 'CALENDAR',
  calendarMeta: () => ({ pk: 'CALENDAR', sk: 'META' }),
  round: (id: string) => ({ pk: 'CALENDAR', sk: `ROUND#${id}` }),
  phaseOverride: (track: string) => ({ pk: 'CALENDAR', sk: `OVERRIDE#${track}` }),
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
  studentBySchool: (schoolId: string, registeredAt: string, id: string) => ({
    gsi1pk: `SCHOOL#${schoolId}`,
    gsi1sk: `${registeredAt}#${id}`,
  }),
  hours: (studentId: string, date: string, id: string) => ({
    pk: `STUDENT#${studentId}`,
    sk: `HOURS#${date}#${id}`,
  }),
  evaluation: (studentId: string, at: string, id: string) => ({
    pk: `STUDENT#${studentId}`,
    sk: `EVAL#${at}#${id}`,
  }),
  trajectory: (studentId: string) => ({ pk: `STUDENT#${studentId}`, sk: 'TRAJECTORY' }),
  stats: (name: string) => ({ pk: `STATS#${name}`, sk: 'STATS' }),
  registration: (id: string) => ({ pk: `REGISTRATION#${id}`, sk: 'REGISTRATION' }),
  registrationIndex: (submittedAt: string, id: string) => ({
    gsi1pk: 'REGISTRATIONS',
    gsi1sk: `${submittedAt}#${id}`,
  }),
  pendingRegistration: (submittedAt: string, id: string) => ({
    gsi2pk: 'REGISTRATIONS#PENDING',
    gsi2sk: `${submittedAt}#${id}`,
  }),
  registrationEmail: (email: string) => ({ pk: `REGEMAIL#${email.toLowerCase()}`, sk: 'REGEMAIL' }),
  takeover: (id: string) => ({ pk: `TAKEOVER#${id}`, sk: 'TAKEOVER' }),
  takeoverByService: (serviceId: string, at: string, id: string) => ({
    gsi1pk: `TAKEOVERS#${serviceId}`,
    gsi1sk: `${at}#${id}`,
  }),
  /** Present while managers may still answer; escalation moves the takeover to ESCALATED. */
  openTakeover: (deadline: string, id: string) => ({ gsi2pk: 'TAKEOVERS#OPEN', gsi2sk: `${deadline}#${id}` }),
  escalatedTakeover: (at: string, id: string) => ({ gsi2pk: 'TAKEOVERS#ESCALATED', gsi2sk: `${at}#${id}` }),
  /** One open takeover per person and service; the person's open requests are one query. */
  takeoverClaim: (personId: string, serviceId: string) => ({
    pk: `TAKEOVERCLAIM#${personId}`,
    sk: `SERVICE#${serviceId}`,
  }),
  membership: (personId: string, organisationId: string) => ({
    pk: `MEMBER#${personId}`,
    sk: `ORG#${organisationId}`,
  }),
  membershipByOrganisation: (organisationId: string, personId: string) => ({
    gsi1pk: `MEMBERS#${organisationId}`,
    gsi1sk: personId,
  }),
  job: (name: string) => ({ pk: `JOB#${name}`, sk: 'JOB' }),
};

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
