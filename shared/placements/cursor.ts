import { validationFailed } from '#kernel/errors';

/** Where the next page starts: a position in the index (default order) or an offset (other orders). */
export type Cursor = { m: 'index'; p: number; k?: Record<string, unknown> } | { m: 'offset'; o: number };

/** Reads a cursor the client sent back; anything that is not one of ours is a field error. */
export function readCursor(cursor?: string): Cursor {
  if (!cursor) return { m: 'offset', o: 0 };
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Cursor;
    if (parsed.m === 'offset' && Number.isInteger(parsed.o) && parsed.o >= 0) return parsed;
    if (parsed.m === 'index' && Number.isInteger(parsed.p) && parsed.p >= 0) return parsed;
  } catch {
    // falls through to the field error
  }
  throw validationFailed([
    { path: 'cursor', in: 'query', message: 'Ongeldige cursor: begin opnieuw bij de eerste pagina.' },
  ]);
}

export const writeCursor = (cursor: Cursor) => Buffer.from(JSON.stringify(cursor)).toString('base64url');
