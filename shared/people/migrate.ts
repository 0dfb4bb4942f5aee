import { type DynamoDBDocumentClient, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Placement } from '#contract/students';
import { dynamoClient } from '#platform/aws-clients/dynamodb';
import { settings } from '#platform/config';
import { keys } from '#platform/table/keys';
import { scanPages } from '#platform/table/scan-pages';
import type { Contact } from './contacts';
import type { MentorLearners } from './rules';

type StoredContact = Contact & { pk: string; sk: string; dualLearners?: number };

/**
 * Gives every contact item stored before mentors kept their learners (`mentor-slots.ts`) the map
 * of its placed dual learners who did not stop, each with their training contract's end date (null
 * without one), in place of the old count (`dualLearners`), which could not tell that a contract
 * ended. A one-off scan, idempotent (a contact that has the map is left alone), run by
 * `shared/migrations/run.ts` at local start and on deploy, before the API serves.
 */
export async function migrateMentors(
  client: DynamoDBDocumentClient = dynamoClient(),
  tableName: string = settings.tableName(),
): Promise<{ updated: number }> {
  const pending: StoredContact[] = [];
  const learners = new Map<string, MentorLearners>();
  const pages = scanPages<Record<string, unknown>>(client, {
    TableName: tableName,
    FilterExpression:
      '(begins_with(sk, :contact) AND attribute_not_exists(learners)) OR (sk = :student AND track = :dual AND attribute_exists(placement.contactId) AND attribute_not_exists(stoppedAt))',
    ExpressionAttributeValues: {
      ':contact': keys.contactPrefix,
      ':student': keys.studentSortKey,
      ':dual': 'dual',
    },
  });
  for await (const items of pages) {
    for (const item of items) {
      if (item.sk === keys.studentSortKey) {
        const { id, placement } = item as unknown as { id: string; placement?: Placement };
        const mentor = `${placement!.serviceId}/${placement!.contactId}`;
        learners.set(mentor, { ...learners.get(mentor), [id]: placement!.trainingContract?.end ?? null });
      } else pending.push(item as unknown as StoredContact);
    }
  }

  let updated = 0;
  for (const contact of pending) {
    try {
      await client.send(
        new UpdateCommand({
          TableName: tableName,
          Key: { pk: contact.pk, sk: contact.sk },
          UpdateExpression: 'SET learners = :learners REMOVE dualLearners ADD #version :one',
          // Written since the scan (an acceptance writes the map itself): leave it.
          ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(learners)',
          ExpressionAttributeNames: { '#version': 'version' },
          ExpressionAttributeValues: {
            ':learners': learners.get(`${contact.serviceId}/${contact.id}`) ?? {},
            ':one': 1,
          },
        }),
      );
      updated++;
    } catch (error) {
      if ((error as Error).name !== 'ConditionalCheckFailedException') throw error;
    }
  }
  return { updated };
}
