import { DeleteCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Track } from '#contract/organisations';
import type { Phase, Round } from '#contract/school-year';
import { dynamoClient } from '#platform/aws-clients/dynamodb';
import { settings } from '#platform/config';
import { keys } from '#platform/table/keys';
import { currentSchoolYear, type SchoolYearData, shippedCalendarFor } from './calendar';
import { getYear, hasRegistry, updateYear } from './years-store';

const table = () => settings.tableName();

/** The year's calendar as stored: its dates, its rounds and the admin's overrides. */
export interface StoredCalendar extends SchoolYearData {
  overrides: Partial<Record<Track, Phase>>;
}

/**
 * What a year's calendar is seeded from: the calendar prepared for it in the registry ("Nieuw
 * schooljaar voorbereiden"), or the shipped dates (the first year's, moved by whole years).
 */
export async function calendarSeed(schoolYear = currentSchoolYear()): Promise<SchoolYearData> {
  const prepared = hasRegistry() ? (await getYear(schoolYear))?.calendar : undefined;
  return prepared ? { schoolYear, ...prepared } : shippedCalendarFor(schoolYear);
}

const DATES = ['timeZone', 'blackout', 'reminders'] as const;

const isConditionFailure = (error: unknown) => (error as Error).name === 'ConditionalCheckFailedException';

const roundOf = (item: Record<string, unknown>): Round => {
  const { pk: _pk, sk: _sk, updatedAt: _u, updatedBy: _b, ...round } = item;
  return round as unknown as Round;
};

/** One query reads the whole calendar: rounds, overrides and the seeding marker. */
async function readPartition(): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const page = await dynamoClient().send(
      new QueryCommand({
        TableName: table(),
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': keys.calendarPartition },
        ConsistentRead: true,
        ExclusiveStartKey,
      }),
    );
    items.push(...(page.Items ?? []));
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return items;
}

/**
 * The seeded rounds and dates of the year are written on the first write to the calendar, and when
 * the year opens (shared/school-year/carry-over.ts); readers, which may only read, see the seed
 * until then. Every write is conditional, so two containers seeding at once, or a seed after the
 * admin already deleted a round, change nothing: the marker is written last and, once there, the
 * seed is never read for rounds again. The registry then learns that the year holds its calendar,
 * so the prepared copy there is no longer edited.
 */
export async function ensureSeeded(): Promise<void> {
  const { Items } = await dynamoClient().send(
    new QueryCommand({
      TableName: table(),
      KeyConditionExpression: 'pk = :pk AND sk = :sk',
      ExpressionAttributeValues: { ':pk': keys.calendarMeta().pk, ':sk': keys.calendarMeta().sk },
      ConsistentRead: true,
    }),
  );
  if (Items?.length) return;
  await writing(seed);
}

async function seed(): Promise<void> {
  const data = await calendarSeed();
  for (const round of data.rounds) {
    try {
      await dynamoClient().send(
        new PutCommand({
          TableName: table(),
          Item: { ...keys.round(round.id), ...round, updatedBy: 'seed' },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
    }
  }
  try {
    await dynamoClient().send(
      new PutCommand({
        TableName: table(),
        Item: {
          ...keys.calendarMeta(),
          seededFrom: data.schoolYear,
          seededAt: new Date().toISOString(),
          ...Object.fromEntries(DATES.map((name) => [name, data[name]])),
        },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
  } catch (error) {
    if (!isConditionFailure(error)) throw error;
  }
  if (hasRegistry()) {
    await updateYear(data.schoolYear, { seededAt: new Date().toISOString() }, { version: null });
  }
}

export async function loadCalendar(): Promise<StoredCalendar> {
  const items = await readPartition();
  const stored = items.filter((i) => String(i.sk).startsWith(keys.roundPrefix)).map(roundOf);
  const meta = items.find((i) => i.sk === keys.calendarMeta().sk);
  // Tables seeded before the dates were stored have rounds only: their dates are the shipped ones.
  const seed = meta ? (meta.blackout ? null : shippedCalendarFor(currentSchoolYear())) : await calendarSeed();
  const dates = (seed ?? meta) as Pick<SchoolYearData, (typeof DATES)[number]>;
  const seededRounds = meta ? [] : (seed?.rounds ?? []);
  const rounds = [...seededRounds.filter((r) => !stored.some((s) => s.id === r.id)), ...stored].sort(
    (a, b) => a.opensAt.localeCompare(b.opensAt) || a.id.localeCompare(b.id),
  );
  const overrides: StoredCalendar['overrides'] = {};
  for (const item of items) {
    if (String(item.sk).startsWith(keys.phaseOverridePrefix))
      overrides[item.track as Track] = item.phase as Phase;
  }
  return {
    schoolYear: currentSchoolYear(),
    timeZone: dates.timeZone,
    blackout: dates.blackout,
    reminders: dates.reminders,
    rounds,
    overrides,
  };
}

/**
 * The calendar as the services' hot path reads it (list, detail, decision): the last read of this
 * container, for up to `RECENT_MS`. Phases are still computed from the clock at each request, so a
 * round opens at 12:00:00 exactly; only an edit of the calendar itself (a moved date, the admin's
 * override) takes up to that long to reach a container that read it just before. Writes through
 * this module forget it at once (the local stack runs every function in one process).
 */
export const RECENT_MS = 10_000;
let recent: { at: number; generation: number; calendar: Promise<StoredCalendar> } | undefined;
/** Raised before and after every write: a read that overlapped a write is never kept. */
let generation = 0;

export function recentCalendar(now = Date.now()): Promise<StoredCalendar> {
  if (recent && recent.generation === generation && now - recent.at < RECENT_MS) return recent.calendar;
  const calendar = loadCalendar();
  const entry = { at: now, generation, calendar };
  recent = entry;
  calendar.catch(() => {
    if (recent === entry) recent = undefined;
  });
  return calendar;
}

async function writing<T>(write: () => Promise<T>): Promise<T> {
  generation++;
  try {
    return await write();
  } finally {
    generation++;
  }
}

export class RoundExists extends Error {}

export const putRound = (round: Round, by: string, options: { isNew: boolean }) =>
  writing(() => putRoundNow(round, by, options));

async function putRoundNow(round: Round, by: string, options: { isNew: boolean }): Promise<void> {
  try {
    await dynamoClient().send(
      new PutCommand({
        TableName: table(),
        Item: { ...keys.round(round.id), ...round, updatedBy: by, updatedAt: new Date().toISOString() },
        ConditionExpression: options.isNew ? 'attribute_not_exists(pk)' : 'attribute_exists(pk)',
      }),
    );
  } catch (error) {
    if (isConditionFailure(error)) throw new RoundExists(round.id);
    throw error;
  }
}

/** False when there was no such round. */
export const deleteRound = (id: string) => writing(() => deleteRoundNow(id));

async function deleteRoundNow(id: string): Promise<boolean> {
  try {
    await dynamoClient().send(
      new DeleteCommand({
        TableName: table(),
        Key: keys.round(id),
        ConditionExpression: 'attribute_exists(pk)',
      }),
    );
    return true;
  } catch (error) {
    if (isConditionFailure(error)) return false;
    throw error;
  }
}

/** The admin's emergency override of a track; `null` hands the track back to the calendar. */
export const setOverride = (track: Track, phase: Phase | null, by: string, at: string) =>
  writing(() => setOverrideNow(track, phase, by, at));

async function setOverrideNow(track: Track, phase: Phase | null, by: string, at: string): Promise<void> {
  if (phase === null) {
    await dynamoClient().send(new DeleteCommand({ TableName: table(), Key: keys.phaseOverride(track) }));
    return;
  }
  await dynamoClient().send(
    new PutCommand({
      TableName: table(),
      Item: { ...keys.phaseOverride(track), track, phase, updatedBy: by, updatedAt: at },
    }),
  );
}
