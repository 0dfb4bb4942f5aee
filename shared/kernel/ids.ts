import { randomBytes } from 'node:crypto';

/** Sortable, unguessable ids: a time prefix (so lists sort by creation) and 80 random bits. */
export function newId(now = Date.now()): string {
  return `${now.toString(36).padStart(9, '0')}${randomBytes(10).toString('hex')}`;
}
