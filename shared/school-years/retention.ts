import {
  DeleteCommand,
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { auditEntry } from '#audit/record';
import { putAuditEntry } from '#audit/store';
import type { YearErasure } from '#contract/school-year';
import { brusselsDate } from '#kernel/time';
import { dynamoClient } from '#platform/aws-clients/dynamodb';
import { settings } from '#platform/config';
import { deleteExportFiles } from '#platform/files';
import { ERASED_PREFIXES, hasPrefix, keys } from '#platform/table/keys';
import { scanPages } from '#platform/table/scan-pages';
import { currentSchoolYear } from '#school-year/calendar';
import { updateYear } from '#school-year/years-store';
import { publishServedYear } from './years';

/**
 * On its retention date a school year's personal data is erased, and what the sector needs for its
 * year-over-year figures stays: anonymous counts per programme, province, service and status.
 *
 * Erased: national register numbers (sealed value, last digits, the keyed hash, the claims on it
 * and the year's blind-index key, so no hash can be recomputed), students' e-mail, phone, street
 * and remarks, the mentor's contact data and the notes in a placement, evaluation texts, the
 * reasons given for a release, the year's supervisors' and contact persons' e-mail and phone (they
 * live on in the years that carried them over), the bodies of the year's mails and the mentor in a
 * school's news, the year's bounce and complaint records and suppression entries (later years keep
 * their carried copy), export files and jobs, and the names and reasons in audit entries. Names of
 * students, schools and services and the mails' subjects stay, so a school can still read its
 * history in the archive.
 *
 * Idempotent: a run before the date only records the year's figures; the first run on or after it
 * archives the year (no write may race the erasure), erases, keeps the counts, writes one audit
 * entry and records the erasure in the registry; any later run sees that record and does nothing.
 */

type Item = Record<string, unknown> & { pk: string; sk: string };

export interface CountRow {
  track: string;
  programme: string | null;
  province: string;
  service: { id: string; name: string } | null;
  status: 'open' | 'accepted' | 'stopped';
  students: number;
}

export type RetentionOutcome =
  | { outcome: 'not-due'; schoolYear: string; retentionUntil: string; students: number }
  | { outcome: 'erased'; schoolYear: string; erasure: YearErasure }
  | { outcome: 'erased-before'; schoolYear: string; erasure: YearErasure };

const ERASED = 'gewist';

function countKey(s: Item): CountRow {
  const placement = s.placement as { serviceId: string; serviceName: string } | undefined;
  return {
    track: String(s.track),
    programme: (s.programme as string | undefined) ?? null,
    province: String(s.province),
    service: placement ? { id: placement.serviceId, name: placement.serviceName } : null,
    status: s.stoppedAt ? 'stopped' : placement ? 'accepted' : 'open',
    students: 0,
  };
}

/** Attribute paths to set (to an empty or `gewist` value) or remove, or the whole item to delete. */
interface Erasure {
  set?: Record<string, string | null>;
  remove?: string[];
  delete?: true;
}

/** The update that clears an item's personal fields, or null when it has none (left untouched). */
function erasureOf(item: Item): Erasure | null {
  const is = (prefix: { pk: string; sk: string }) => hasPrefix(item, prefix);
  const has = (field: string) => item[field] !== undefined && item[field] !== '';
  if (
    is(ERASED_PREFIXES.nationalNumberClaim) ||
    is(ERASED_PREFIXES.exportJob) ||
    is(ERASED_PREFIXES.blindIndexKey) ||
    // Keyed by an address: the next years carry their own copy of the list.
    is(ERASED_PREFIXES.suppressed) ||
    is(ERASED_PREFIXES.mailEvent)
  ) {
    return { delete: true };
  }
  if (is(ERASED_PREFIXES.student)) {
    const address = item.address as { street?: string } | undefined;
    const internship = item.internship as { remarks?: string } | undefined;
    const placement = item.placement as
      | { contact?: { phone?: string; email?: string }; notes?: string }
      | undefined;
    const set: Record<string, string> = {};
    for (const field of ['nationalNumberEncrypted', 'nationalNumberLast2', 'email', 'phone']) {
      if (has(field)) set[field] = '';
    }
    if (address?.street) set['address.street'] = '';
    if (placement?.contact?.phone) set['placement.contact.phone'] = '';
    if (placement?.contact?.email) set['placement.contact.email'] = '';
    if (placement?.notes) set['placement.notes'] = '';
    const remove = [
      ...(has('nationalNumberHash') ? ['nationalNumberHash'] : []),
      ...(has('remarks') ? ['remarks'] : []),
      ...(internship?.remarks ? ['internship.remarks'] : []),
    ];
    return Object.keys(set).length || remove.length ? { set, remove } : null;
  }
  if (is(ERASED_PREFIXES.evaluation)) return has('text') ? { set: { text: '' } } : null;
  if (is(ERASED_PREFIXES.releaseRequest)) {
    const set: Record<string, string> = {};
    for (const field of ['reason', 'declineReason']) {
      if (has(field) && item[field] !== ERASED) set[field] = ERASED;
    }
    return Object.keys(set).length ? { set } : null;
  }
  if (is(ERASED_PREFIXES.outboxMail)) {
    // The subject (a student's name at most) stays, so the year's mail log still reads.
    const mail = item.mail as { text?: string; html?: string } | undefined;
    if (!mail || (mail.text === ERASED && mail.html === undefined)) return null;
    return { set: { 'mail.text': ERASED }, ...(mail.html !== undefined ? { remove: ['mail.html'] } : {}) };
  }
  if (is(ERASED_PREFIXES.mailingMoment)) {
    const news = item.news as { mentor?: unknown } | undefined;
    return news?.mentor ? { set: { 'news.mentor': null } } : null;
  }
  if (is(ERASED_PREFIXES.supervisor) || is(ERASED_PREFIXES.contact)) {
    const set: Record<string, string> = {};
    if (has('email')) set.email = '';
    if (has('phone')) set.phone = '';
    return Object.keys(set).length ? { set } : null;
  }
  if (is(ERASED_PREFIXES.audit)) {
    const actor = item.actor as { name?: string } | null;
    const subject = item.subject as { label?: string } | undefined;
    const details = item.details as { reason?: string } | undefined;
    const set: Record<string, string> = {};
    if (actor?.name && actor.name !== ERASED) set['actor.name'] = ERASED;
    if (subject?.label && subject.label !== ERASED) set['subject.label'] = ERASED;
    if (details?.reason && details.reason !== ERASED) set['details.reason'] = ERASED;
    return Object.keys(set).length ? { set } : null;
  }
  return null;
}

async function apply(client: DynamoDBDocumentClient, table: string, item: Item, change: Erasure) {
  const Key = { pk: item.pk, sk: item.sk };
  if (change.delete) {
    await client.send(new DeleteCommand({ TableName: table, Key }));
    return;
  }
  const names: Record<string, string> = {};
  const name = (path: string) =>
    path
      .split('.')
      .map((part) => {
        const alias = `#${part.replace(/\W/g, '')}`;
        names[alias] = part;
        return alias;
      })
      .join('.');
  const values: Record<string, string | null> = {};
  const sets = Object.entries(change.set ?? {}).map(([path, value], i) => {
    values[`:v${i}`] = value;
    return `${name(path)} = :v${i}`;
  });
  const removes = (change.remove ?? []).map(name);
  await client.send(
    new UpdateCommand({
      TableName: table,
      Key,
      UpdateExpression: [
        sets.length ? `SET ${sets.join(', ')}` : '',
        removes.length ? `REMOVE ${removes.join(', ')}` : '',
      ]
        .filter(Boolean)
        .join(' '),
      ConditionExpression: 'attribute_exists(pk)',
      ExpressionAttributeNames: names,
      ...(sets.length ? { ExpressionAttributeValues: values } : {}),
    }),
  );
}

/** Erases the served year's personal data and keeps its counts; see above. */
async function erase(now: Date, by: string): Promise<YearErasure> {
  const client = dynamoClient();
  const table = settings.tableName();
  const counts = new Map<string, CountRow>();
  let students = 0;
  let items = 0;
  // Every export file has its job item (jobs outlive their files by a day): its key names the file.
  const files: string[] = [];
  for await (const page of scanPages<Item>(client, { TableName: table, ConsistentRead: true })) {
    for (const item of page) {
      if (hasPrefix(item, ERASED_PREFIXES.student)) {
        students++;
        const row = countKey(item);
        const key = JSON.stringify({ ...row, students: undefined });
        const existing = counts.get(key) ?? row;
        existing.students++;
        counts.set(key, existing);
      }
      if (hasPrefix(item, ERASED_PREFIXES.exportJob) && typeof item.key === 'string') files.push(item.key);
      const change = erasureOf(item);
      if (!change) continue;
      await apply(client, table, item, change);
      items++;
    }
  }
  // Counted once, from the full data: a repeated run after a failure keeps the first count.
  await client
    .send(
      new PutCommand({
        TableName: table,
        Item: { ...keys.yearCounts(), countedAt: now.toISOString(), students, rows: [...counts.values()] },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    )
    .catch((error: Error) => {
      if (error.name !== 'ConditionalCheckFailedException') throw error;
    });
  const erasure: YearErasure = {
    at: now.toISOString(),
    by,
    students,
    items,
    files: await deleteExportFiles(files),
  };
  const schoolYear = currentSchoolYear();
  await putAuditEntry(
    auditEntry(
      null,
      'retention',
      { kind: 'school-year', id: schoolYear, label: schoolYear },
      {
        students,
        items,
        files: erasure.files,
        by,
      },
      now,
    ),
  );
  return erasure;
}

/**
 * The retention run of the served year at `now` (the daily schedule's time, or a chosen clock in a
 * test): records the year's figures, and on or after the retention date erases, once.
 */
export async function runRetention(now: Date, by = 'bewaartermijn'): Promise<RetentionOutcome> {
  const year = await publishServedYear(now);
  const { schoolYear } = year;
  if (year.erasure) return { outcome: 'erased-before', schoolYear, erasure: year.erasure };
  if (brusselsDate(now) < year.retentionUntil) {
    return {
      outcome: 'not-due',
      schoolYear,
      retentionUntil: year.retentionUntil,
      students: year.students ?? 0,
    };
  }
  if (year.status !== 'archived') {
    await updateYear(
      schoolYear,
      { status: 'archived', archivedAt: now.toISOString(), archivedBy: by },
      { version: null },
    );
  }
  const erasure = await erase(now, by);
  await updateYear(schoolYear, { erasure, students: erasure.students }, { version: null });
  return { outcome: 'erased', schoolYear, erasure };
}

/** The counts kept after an erasure (or null before one): what the year's figures still say. */
export async function keptCounts(client = dynamoClient()) {
  const { Item } = await client.send(
    new GetCommand({ TableName: settings.tableName(), Key: keys.yearCounts() }),
  );
  return (Item as { students: number; rows: CountRow[]; countedAt: string } | undefined) ?? null;
}
