import { validationFailed } from '#kernel/errors';
import { keys } from '#platform/table/keys';

/**
 * Where the next page starts: a position in the index (default order) or an offset (other orders).
 * An index position names the province query (`p`) and the last student of the page (`id`, `sk`);
 * the server rebuilds DynamoDB's start key from those, so a client never hands DynamoDB a key.
 */
export type Cursor = { m: 'index'; p: number; id?: string; sk?: string } | { m: 'offset'; o: number };

const MAX_OFFSET = 1_000_000;

const invalid = () =>
  validationFailed([
    { path: 'cursor', in: 'query', message: 'Ongeldige cursor: begin opnieuw bij de eerste pagina.' },
  ]);

/** Reads a cursor the client sent back; anything that is not one of ours is a field error. */
export function readCursor(cursor?: string): Cursor {
  if (!cursor) return { m: 'offset', o: 0 };
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalid();
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw invalid();
  const c = parsed as Record<string, unknown>;
  const within = (n: unknown, max: number) =>
    Number.isInteger(n) && (n as number) >= 0 && (n as number) <= max;
  if (c.m === 'offset' && within(c.o, MAX_OFFSET) && Object.keys(c).length === 2) {
    return { m: 'offset', o: c.o as number };
  }
  if (
    c.m === 'index' &&
    within(c.p, 100) &&
    Object.keys(c).every((k) => ['m', 'p', 'id', 'sk'].includes(k))
  ) {
    if (c.id === undefined && c.sk === undefined) return { m: 'index', p: c.p as number };
    if (
      typeof c.id === 'string' &&
      /^[\w-]{1,64}$/.test(c.id) &&
      typeof c.sk === 'string' &&
      c.sk.length <= 300 &&
      c.sk.endsWith(`#${c.id}`)
    ) {
      return { m: 'index', p: c.p as number, id: c.id, sk: c.sk };
    }
  }
  throw invalid();
}

export const writeCursor = (cursor: Cursor) => Buffer.from(JSON.stringify(cursor)).toString('base64url');

/**
 * DynamoDB's start key for an index position, in the partition the server chose, or a field error
 * when the position cannot lie in it (another postcode region than the query's).
 */
export function startKey(
  cursor: { id?: string; sk?: string },
  partition: string,
  postcodePrefix?: string,
): Record<string, unknown> | undefined {
  if (!cursor.id || !cursor.sk) return undefined;
  if (postcodePrefix && !cursor.sk.startsWith(postcodePrefix)) throw invalid();
  return { ...keys.student(cursor.id), gsi2pk: partition, gsi2sk: cursor.sk };
}

export const invalidCursor = invalid;
