import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { dynamoClient } from '#platform/aws-clients/dynamodb';
import { settings } from '#platform/config';
import { stripKeys } from '#platform/table/keys';
import { queryAll } from '#platform/table/query-all';

const table = () => settings.tableName();

export interface PersonDetails {
  name: string;
  phone: string;
  email: string;
}

type ItemKey = (organisationId: string, id: string) => { pk: string; sk: string };

/** Raised around every change of a person: copies read before it (`recent-supervisors.ts`) are dropped. */
let changes = 0;
export const changesSoFar = () => changes;
async function changing<T>(write: () => Promise<T>): Promise<T> {
  changes++;
  try {
    return await write();
  } finally {
    changes++;
  }
}

export type RemoveOutcome = { deleted: true } | { deleted: false; links: number } | null;

/**
 * The people an organisation names on its records (a school's supervisors, a service's contact
 * persons): contact details under the organisation's partition, and a link count that other
 * transactions keep so that a linked person cannot be deleted.
 */
export function linkedPeopleRepo<T extends PersonDetails & { id: string }>(
  itemKey: ItemKey,
  linkCount: keyof T & string,
) {
  const get = async (organisationId: string, id: string): Promise<T | null> => {
    const { Item } = await dynamoClient().send(
      new GetCommand({ TableName: table(), Key: itemKey(organisationId, id), ConsistentRead: true }),
    );
    return Item ? (stripKeys(Item) as unknown as T) : null;
  };

  return {
    get,

    async put(organisationId: string, person: T): Promise<void> {
      await dynamoClient().send(
        new PutCommand({
          TableName: table(),
          Item: { ...itemKey(organisationId, person.id), ...person },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
    },

    async list(organisationId: string): Promise<T[]> {
      const { pk, sk: prefix } = itemKey(organisationId, '');
      const items = await queryAll<T>({
        TableName: table(),
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :sk)',
        ExpressionAttributeValues: { ':pk': pk, ':sk': prefix },
      });
      return items.sort((a, b) => a.name.localeCompare(b.name, 'nl-BE'));
    },

    /** The updated person, or null when this organisation has no such person. */
    update: (organisationId: string, id: string, details: PersonDetails): Promise<T | null> =>
      changing(async () => {
        try {
          const { Attributes } = await dynamoClient().send(
            new UpdateCommand({
              TableName: table(),
              Key: itemKey(organisationId, id),
              UpdateExpression: 'SET #n = :n, phone = :p, email = :e',
              ConditionExpression: 'attribute_exists(pk)',
              ExpressionAttributeNames: { '#n': 'name' },
              ExpressionAttributeValues: { ':n': details.name, ':p': details.phone, ':e': details.email },
              ReturnValues: 'ALL_NEW',
            }),
          );
          return Attributes ? (stripKeys(Attributes) as unknown as T) : null;
        } catch (error) {
          if (error instanceof ConditionalCheckFailedException) return null;
          throw error;
        }
      }),

    /** Deletes a person nothing links to, decided by the database, not by a prior read. */
    remove: (organisationId: string, id: string): Promise<RemoveOutcome> =>
      changing(async () => {
        try {
          await dynamoClient().send(
            new DeleteCommand({
              TableName: table(),
              Key: itemKey(organisationId, id),
              ConditionExpression: 'attribute_exists(pk) AND #links = :zero',
              ExpressionAttributeNames: { '#links': linkCount },
              ExpressionAttributeValues: { ':zero': 0 },
            }),
          );
          return { deleted: true };
        } catch (error) {
          if (!(error instanceof ConditionalCheckFailedException)) throw error;
          const current = await get(organisationId, id);
          return current ? { deleted: false, links: Number(current[linkCount]) } : null;
        }
      }),
  };
}
