import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { dynamoClient } from '#platform/aws-clients/dynamodb';

export type TransactItems = NonNullable<
  ConstructorParameters<typeof TransactWriteCommand>[0]['TransactItems']
>;

/** Why DynamoDB cancelled a transaction, one code per item in the order written ('None' for fine). */
export const cancellationReasons = (error: TransactionCanceledException) =>
  (error.CancellationReasons ?? []).map((r) => r.Code ?? 'None');

/**
 * Writes the items as one transaction. DynamoDB cancels a transaction that merely collides with
 * another on one of its items (TransactionConflict, typically on a shared counter): nothing was
 * decided, so it is tried again, up to `retries` times with a growing random pause. A refused
 * condition is a decision and is thrown at once, for the caller to read its reasons.
 */
export async function transactWrite(items: TransactItems, retries: number): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await dynamoClient().send(new TransactWriteCommand({ TransactItems: items }));
      return;
    } catch (error) {
      if (!(error instanceof TransactionCanceledException)) throw error;
      const reasons = cancellationReasons(error);
      const collidedOnly =
        reasons.includes('TransactionConflict') && !reasons.includes('ConditionalCheckFailed');
      if (!collidedOnly || attempt >= retries) throw error;
      await new Promise((r) => setTimeout(r, 10 + Math.random() * Math.min(400, 40 * (attempt + 1))));
    }
  }
}
