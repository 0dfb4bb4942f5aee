import { PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { unreachableMessage } from '#contract/bounce-labels';
import type { Unreachable } from '#contract/unreachable';
import { validationFailed } from '#kernel/errors';
import { dynamoClient } from './aws-clients/dynamodb';
import { settings } from './config';
import { batchGet } from './table/batch-get';
import { getItem, refusedByCondition } from './table/items';
import { keys } from './table/keys';

/**
 * The product's own suppression list: addresses SES reported dead (a permanent bounce) or whose
 * owner complained. Nothing is sent to them until someone corrects the address. SES keeps an
 * account-level list as well, but a send to a listed address still counts against the sender's
 * reputation there, and it cannot tell the admin whose address it was; this one is checked before
 * every send.
 */
export interface Suppression extends Unreachable {
  email: string;
  /** Set when someone corrected or confirmed the address: the entry stays, as the lift's moment. */
  liftedAt?: string;
}

/** The suppressed ones among these addresses, by address (lower case). */
export async function suppressionsOf(emails: readonly string[]): Promise<Map<string, Suppression>> {
  const unique = [...new Set(emails.map((e) => e.toLowerCase()))];
  if (unique.length === 0) return new Map();
  const found = await batchGet<Suppression>(unique.map((e) => keys.suppressed(e)));
  return new Map(found.filter((s) => !s.liftedAt).map((s) => [s.email.toLowerCase(), s]));
}

/** One address, read consistently: a bounce recorded a moment ago already counts. */
export async function suppressionOf(email: string): Promise<Suppression | null> {
  const found = await getItem<Suppression>(keys.suppressed(email));
  return found && !found.liftedAt ? found : null;
}

/**
 * Puts an address on the list. A second bounce changes nothing (the first stays `since`), and an
 * event from before a lift (SNS delivers late, or twice) does not undo the correction; a newer one
 * suppresses the address again. True when this call put it there.
 */
export async function suppress(s: Suppression): Promise<boolean> {
  try {
    await dynamoClient().send(
      new PutCommand({
        TableName: settings.tableName(),
        Item: { ...keys.suppressed(s.email), ...s, email: s.email.toLowerCase() },
        ConditionExpression: 'attribute_not_exists(pk) OR liftedAt < :since',
        ExpressionAttributeValues: { ':since': s.since },
      }),
    );
    return true;
  } catch (error) {
    if (refusedByCondition(error)) return false;
    throw error;
  }
}

/** Takes an address off the list: someone corrected it, or confirmed that it works again. */
export async function lift(email: string, at: string): Promise<void> {
  try {
    await dynamoClient().send(
      new UpdateCommand({
        TableName: settings.tableName(),
        Key: keys.suppressed(email),
        UpdateExpression: 'SET liftedAt = :at',
        ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(liftedAt)',
        ExpressionAttributeValues: { ':at': at },
      }),
    );
  } catch (error) {
    if (!refusedByCondition(error)) throw error;
  }
}

/** A suppressed address is refused on the `email` field until someone types a working one. */
export async function refuseUnreachable(email: string, path = 'email'): Promise<void> {
  const suppressed = await suppressionOf(email);
  if (suppressed) throw validationFailed([{ path, in: 'body', message: unreachableMessage(suppressed) }]);
}

const unreachableOf = (s: Suppression): Unreachable => ({
  reason: s.reason,
  since: s.since,
  detail: s.detail,
});

/**
 * The items with `unreachable` on those whose address is suppressed: the person's row, a
 * school's supervisors, a service's contact persons. One batch read per list, never a field kept
 * on each of them, so correcting an address clears the mark everywhere at once.
 */
export async function withReachability<T extends { email: string }>(
  items: readonly T[],
): Promise<(T & { unreachable?: Unreachable })[]> {
  const suppressed = await suppressionsOf(items.map((i) => i.email).filter(Boolean));
  return items.map((item) => {
    const s = suppressed.get(item.email.toLowerCase());
    return s ? { ...item, unreachable: unreachableOf(s) } : item;
  });
}
