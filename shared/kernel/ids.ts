import { createHash, randomBytes } from 'node:crypto';

/** Sortable, unguessable ids: a time prefix (so lists sort by creation) and 80 random bits. */
export function newId(now = Date.now()): string {
  return `${now.toString(36).padStart(9, '0')}${randomBytes(10).toString('hex')}`;
}

/**
 * An id of the same shape, derived from a seed instead of chance: a retried step (an import's
 * row) makes the same id again, so its conditional write finds its own earlier attempt.
 */
export function derivedId(now: number, seed: string): string {
  return `${now.toString(36).padStart(9, '0')}${createHash('sha256').update(seed).digest('hex').slice(0, 20)}`;
}
