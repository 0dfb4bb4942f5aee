import { sameVersion } from '#kernel/concurrency';
import { settings } from '#platform/config';
import { keys } from '#platform/table/keys';
import type { Contact } from './contacts';
import type { MentorLearners } from './rules';

const table = () => settings.tableName();

/**
 * A dual-learning mentor's slots (2 learners at a social-profit service, 3 at a local-government
 * one), and why they are kept this way.
 *
 * A mentor's current learners are the learners placed with them who did not stop and whose training
 * contract has not ended (its end date is not before today, in Brussels). Each of the three
 * conditions changes in its own way: a placement and a stop are writes, but a contract ends by
 * the calendar alone, at midnight, with nobody writing anything. So the mentor's contact item keeps
 * no count: it keeps `learners`, per placed learner the contract's end date (null while none is
 * recorded), and a `version`. Whoever may take a slot (an acceptance, undoing a stop, moving a
 * contract's end date back into the future) reads the item, counts the learners still current on
 * that day (`currentLearners`, a pure rule) and writes its entry only if the item still has the
 * version it read. Two acceptances for the last slot both read the same version; the first one
 * raises it, so the second one's transaction fails, reads again and finds the mentor full. Every
 * write to `learners` raises the version, so no write can slip between a read and the write that
 * counted on it. A contract that ended frees the slot the next day without any job to run (nothing
 * to do twice or late); extending it takes the slot back through the same guarded write.
 *
 * The alternative, a counter kept by the acceptance and decremented by a scheduled job once an end
 * date passes, needs a job that finds ended contracts, remembers which slots it already freed (it
 * runs at least once), and still leaves a slot taken until it ran; the counter here is derived at
 * the moment it matters instead.
 */
export interface MentorRead {
  serviceId: string;
  contactId: string;
  /** The contact item's version as read (undefined: never written with one). */
  version?: number;
  /** As read; undefined on a contact item stored before learners were kept. */
  learners?: MentorLearners;
}

/** The mentor's slots as read from their contact item. */
export const mentorRead = (contact: Contact): MentorRead => ({
  serviceId: contact.serviceId,
  contactId: contact.id,
  version: contact.version,
  learners: contact.learners,
});

/**
 * Writes a learner's entry (their contract's end date, or null). `guarded`: only if the mentor's
 * item still has the version read, which a write that takes a slot needs (it counted the others).
 * A contact item without `learners` gets the whole map, from the state read, so always guarded.
 * `acceptance`: the write also counts the contact's link (as every acceptance does).
 */
export function writeLearner(
  mentor: MentorRead,
  studentId: string,
  end: string | null,
  options: { guarded: boolean; acceptance?: boolean },
) {
  const hasMap = mentor.learners !== undefined;
  const guarded = options.guarded || !hasMap;
  const version = sameVersion(mentor.version);
  return {
    Update: {
      TableName: table(),
      Key: keys.contact(mentor.serviceId, mentor.contactId),
      UpdateExpression: `SET ${hasMap ? 'learners.#sid = :end' : 'learners = :map'} ADD #version :one${
        options.acceptance ? ', acceptanceCount :one' : ''
      }`,
      ConditionExpression: guarded ? `attribute_exists(pk) AND ${version.condition}` : 'attribute_exists(pk)',
      ExpressionAttributeNames: { ...version.names, ...(hasMap ? { '#sid': studentId } : {}) },
      ExpressionAttributeValues: {
        ':one': 1,
        ...(hasMap ? { ':end': end } : { ':map': { [studentId]: end } }),
        ...(guarded ? version.values : {}),
      },
      // The refusal hands back the item it found: none (no such contact), or one that changed.
      ReturnValuesOnConditionCheckFailure: 'ALL_OLD' as const,
    },
  };
}

/**
 * A learner leaves their mentor (they stopped): the slot is free in the same write. Raises the
 * version, so that a concurrent acceptance that counted this learner reads again. Every contact item
 * holds `learners` (written on creation, by the first acceptance, or by `migrateMentors`).
 */
export const releaseLearner = (mentor: { serviceId: string; contactId: string }, studentId: string) => ({
  Update: {
    TableName: table(),
    Key: keys.contact(mentor.serviceId, mentor.contactId),
    UpdateExpression: 'REMOVE learners.#sid ADD #version :one',
    ConditionExpression: 'attribute_exists(pk)',
    ExpressionAttributeNames: { '#sid': studentId, '#version': 'version' },
    ExpressionAttributeValues: { ':one': 1 },
  },
});

/**
 * The sector released a placement: the contact is no longer linked to it (it may be deleted again
 * once nothing else links it), and a dual learner's slot is free in the same write.
 */
export const unlinkPlacement = (
  mentor: { serviceId: string; contactId: string },
  studentId: string,
  dual: boolean,
) => ({
  Update: {
    TableName: table(),
    Key: keys.contact(mentor.serviceId, mentor.contactId),
    UpdateExpression: dual
      ? 'REMOVE learners.#sid ADD #version :one, acceptanceCount :less'
      : 'ADD acceptanceCount :less',
    ConditionExpression: 'attribute_exists(pk)',
    ...(dual ? { ExpressionAttributeNames: { '#sid': studentId, '#version': 'version' } } : {}),
    ExpressionAttributeValues: dual ? { ':one': 1, ':less': -1 } : { ':less': -1 },
  },
});
