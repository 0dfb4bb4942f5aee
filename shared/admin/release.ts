import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { auditEntry } from '#audit/record';
import { auditEntryPut } from '#audit/store';
import type { Organisation } from '#contract/organisations';
import type { Released, ReleaseRecord, ReleaseRequest, ReleaseRequestToAnswer } from '#contract/releases';
import type { Caller } from '#http/caller';
import { inRegion, type Region } from '#http/region';
import { sameVersion } from '#kernel/concurrency';
import { conflict, notFound } from '#kernel/errors';
import { brusselsDate, brusselsWall } from '#kernel/time';
import { unlinkPlacement } from '#people/mentor-slots';
import { settings } from '#platform/config';
import { count, FIGURES } from '#platform/metrics';
import { batchGet, getItems } from '#platform/table/batch-get';
import { keys } from '#platform/table/keys';
import { cancellationReasons, type TransactItems, transactWrite } from '#platform/table/transact';
import { pendingReleaseRequests, releaseRequestOf, resolveReleaseRequest } from '#requests/release-requests';
import { queuedMailPuts } from '#school-year/outbox-store';
import { adhocRoundId } from '#school-year/rules';
import { countedOf } from '#statistics/counted';
import { openCountDeltas } from '#statistics/open-counts';
import { openCountUpdates } from '#statistics/open-counts-store';
import { countDeltas } from '#statistics/rules';
import { counterUpdates } from '#statistics/store';
import { endedNews, newsPut } from '#students/news';
import type { StoredStudent } from '#students/rules';
import { declinedToService, releasedToSchool, releasedToService } from './release-mails';
import { studentForAdmin } from './student-access';

const table = () => settings.tableName();

export const NOT_PLACED = 'Deze leerling heeft geen plaats: er is niets vrij te geven.';
const CHANGED = 'De plaatsing van deze leerling veranderde net. Laad de pagina opnieuw.';
const NO_REQUEST = 'Er ligt geen vraag om vrij te geven voor deze leerling.';

/** The student as stored with the releases the sector made (kept on the student item). */
type WithReleases = StoredStudent & { releases?: ReleaseRecord[] };

export const releasesOf = (student: StoredStudent) => (student as WithReleases).releases ?? [];

const nameOf = (s: StoredStudent) => `${s.firstName} ${s.lastName}`;
const inbox = (o: Organisation) => ({ email: o.email, name: o.name });

/**
 * The sector undoes a placement. In one transaction: the student is back without a place (and back
 * in the open index, so the round's rule shows them again, unless they stopped), the release is kept
 * on the student with who, when and why; the service's decision becomes "niet aanvaard" and marks
 * the release (its access to the personal data ends with the placement); the mentor is unlinked
 * (a dual learner's slot is free); the dashboard's counters and the list totals move back; a
 * pending request of the service is approved; the audit entry; and one mail to the school and one
 * to the service, queued in the outbox under ids of this placement (the tick delivers them).
 */
export async function releasePlacement(
  caller: Caller,
  studentId: string,
  reason: string,
  now: Date,
): Promise<Released> {
  const student = await studentForAdmin(caller, studentId);
  const placement = student.placement;
  if (!placement) throw conflict(NOT_PLACED);
  const [school, service, contact] = await getItems<[Organisation, Organisation, Record<string, unknown>]>(
    [
      keys.organisation(student.schoolId),
      keys.organisation(placement.serviceId),
      placement.contactId
        ? keys.contact(placement.serviceId, placement.contactId)
        : keys.organisation(placement.serviceId),
    ],
    { consistent: true },
  );
  const request = await releaseRequestOf(studentId);
  const at = now.toISOString();
  const by = { id: caller.userId, name: caller.name };
  const record: ReleaseRecord = {
    at,
    serviceId: placement.serviceId,
    serviceName: placement.serviceName,
    acceptedAt: placement.acceptedAt,
    by,
    reason,
  };
  const { placement: _gone, ...unplaced } = student;
  const open = student.stoppedAt
    ? null
    : keys.openStudent(
        student.track,
        student.province,
        student.address.postcode,
        student.lastName,
        student.id,
      );
  const before = countedOf(student);
  const after = countedOf(unplaced);
  const dual = student.track === 'dual';
  const checked = sameVersion(student.version);
  const roundId = adhocRoundId(`release-${studentId}-${Date.parse(placement.acceptedAt)}`);
  const mails = [
    ...(school
      ? [
          {
            personId: school.id,
            organisationId: school.id,
            organisationName: school.name,
            mail: releasedToSchool(inbox(school), nameOf(student), placement.serviceName, reason),
          },
        ]
      : []),
    ...(service
      ? [
          {
            personId: service.id,
            organisationId: service.id,
            organisationName: service.name,
            mail: releasedToService(inbox(service), nameOf(student), reason),
          },
        ]
      : []),
  ];
  const items: TransactItems = [
    {
      Update: {
        TableName: table(),
        Key: keys.student(studentId),
        UpdateExpression: `REMOVE placement SET updatedAt = :at, releases = list_append(if_not_exists(releases, :none), :r)${
          open ? ', gsi2pk = :g2pk, gsi2sk = :g2sk' : ''
        } ADD #version :one`,
        // Only the placement that was read: a release and a second release (or a stop) cannot cross.
        ConditionExpression: `placement.serviceId = :svc AND placement.acceptedAt = :acc AND ${checked.condition}`,
        ExpressionAttributeNames: checked.names,
        ExpressionAttributeValues: {
          ':at': at,
          ':none': [],
          ':r': [record],
          ':one': 1,
          ':svc': placement.serviceId,
          ':acc': placement.acceptedAt,
          ...checked.values,
          ...(open ? { ':g2pk': open.gsi2pk, ':g2sk': open.gsi2sk } : {}),
        },
      },
    },
    {
      Update: {
        TableName: table(),
        Key: keys.decision(studentId, placement.serviceId),
        UpdateExpression: 'SET #s = :s, gsi1pk = :g1pk, gsi1sk = :g1sk, releasedAt = :at',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeNames: { '#s': 'status' },
        ExpressionAttributeValues: {
          ':s': 'not_accepted',
          ...prefixed(keys.decisionByService(placement.serviceId, 'not_accepted', studentId)),
          ':at': at,
        },
      },
    },
    ...(placement.contactId && contact
      ? [unlinkPlacement({ serviceId: placement.serviceId, contactId: placement.contactId }, studentId, dual)]
      : []),
    ...countDeltas(before, after, undefined, brusselsDate(new Date(placement.acceptedAt))).flatMap((t) =>
      counterUpdates(t.track, t.deltas),
    ),
    ...openCountUpdates(openCountDeltas(null, after.open ?? null)),
    ...(request?.status === 'pending' && request.serviceId === placement.serviceId
      ? [resolveReleaseRequest(studentId, 'approved', at, by, null)]
      : []),
    auditEntryPut(
      auditEntry(
        caller,
        'release',
        { kind: 'student', id: studentId, label: nameOf(student) },
        { serviceId: placement.serviceId, reason },
        now,
      ),
    ),
    ...queuedMailPuts(roundId, brusselsWall(now), mails, now),
    // The school's people hear of it as of every placement that ends (by their own mail settings),
    // beside the mail to the school's address that carries the sector's reason.
    ...[endedNews(student, 'released', at)].flatMap((news) => (news ? [newsPut(news)] : [])),
  ];
  try {
    await transactWrite(items, 8);
  } catch (error) {
    if (
      error instanceof TransactionCanceledException &&
      cancellationReasons(error).includes('ConditionalCheckFailed')
    )
      throw conflict(CHANGED);
    throw error;
  }
  count(FIGURES.mailsQueued, mails.length);
  return {
    studentId,
    serviceId: placement.serviceId,
    serviceName: placement.serviceName,
    releasedAt: at,
    reason,
  };
}

const prefixed = (index: { gsi1pk: string; gsi1sk: string }) => ({
  ':g1pk': index.gsi1pk,
  ':g1sk': index.gsi1sk,
});

/** The sector says no to a service's request: the placement stays, the service hears why. */
export async function declineRelease(
  caller: Caller,
  studentId: string,
  reason: string,
  now: Date,
): Promise<ReleaseRequest> {
  const student = await studentForAdmin(caller, studentId);
  const request = await releaseRequestOf(studentId);
  if (!request) throw notFound(NO_REQUEST);
  if (request.status !== 'pending') throw conflict('Deze vraag werd al beantwoord.');
  const service = await getItems<[Organisation]>([keys.organisation(request.serviceId)], {
    consistent: true,
  });
  const at = now.toISOString();
  const by = { id: caller.userId, name: caller.name };
  const roundId = adhocRoundId(`release-declined-${studentId}-${Date.parse(request.requestedAt)}`);
  const org = service[0];
  try {
    await transactWrite(
      [
        resolveReleaseRequest(studentId, 'declined', at, by, reason),
        auditEntryPut(
          auditEntry(
            caller,
            'release.decline',
            { kind: 'student', id: studentId, label: nameOf(student) },
            { serviceId: request.serviceId, reason },
            now,
          ),
        ),
        ...(org
          ? queuedMailPuts(
              roundId,
              brusselsWall(now),
              [
                {
                  personId: org.id,
                  organisationId: org.id,
                  organisationName: org.name,
                  mail: declinedToService(inbox(org), nameOf(student), reason),
                },
              ],
              now,
            )
          : []),
      ],
      3,
    );
  } catch (error) {
    if (
      error instanceof TransactionCanceledException &&
      cancellationReasons(error)[0] === 'ConditionalCheckFailed'
    )
      throw conflict('Deze vraag werd al beantwoord.');
    throw error;
  }
  if (org) count(FIGURES.mailsQueued);
  return { ...request, status: 'declined', resolvedAt: at, resolvedBy: by, declineReason: reason };
}

/**
 * The services' release requests the sector still has to answer (approve by releasing, or
 * decline), of the students in the actor's region, with the student's and the school's name.
 */
export async function releaseRequestsToAnswer(region: Region = null): Promise<ReleaseRequestToAnswer[]> {
  const pending = await pendingReleaseRequests();
  const students = new Map(
    (await batchGet<StoredStudent>(pending.map((r) => keys.student(r.studentId)))).map((s) => [s.id, s]),
  );
  return pending
    .sort((a, b) => a.requestedAt.localeCompare(b.requestedAt))
    .flatMap((r) => {
      const s = students.get(r.studentId);
      return s && inRegion(region, s.province)
        ? [{ ...r, studentName: nameOf(s), schoolName: s.schoolName }]
        : [];
    });
}
