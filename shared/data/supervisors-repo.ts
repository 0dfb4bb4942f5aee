import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { dynamoClient } from '../aws/clients';
import { settings } from '../config/env';
import { keys, stripKeys } from './keys';
import { queryAll } from './query-all';

const table = () => settings.tableName();

export interface Supervisor {
  id: string;
  schoolId: string;
  name: string;
  phone: string;
  email: string;
  /** How many students are linked; kept in the same transactions that link them. */
  studentCount: number;
}

export async function putSupervisor(supervisor: Supervisor): Promise<void> {
  await dynamoClient().send(
    new PutCommand({
      TableName: table(),
      Item: { ...keys.supervisor(supervisor.schoolId, supervisor.id), ...supervisor },
      ConditionExpression: 'attribute_not_exists(pk)',
    }),
  );
}

export async function getSupervisor(schoolId: string, id: string): Promise<Supervisor | null> {
  const { Item } = await dynamoClient().send(
    new GetCommand({ TableName: table(), Key: keys.supervisor(schoolId, id), ConsistentRead: true }),
  );
  return Item ? (stripKeys(Item) as unknown as Supervisor) : null;
}

export function listSupervisors(schoolId: string): Promise<Supervisor[]> {
  return queryAll<Supervisor>({
    TableName: table(),
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :sk)',
    ExpressionAttributeValues: { ':pk': `ORG#${schoolId}`, ':sk': 'SUPERVISOR#' },
  });
}

/** Changes contact details of a supervisor of this school; false when there is none. */
export async function updateSupervisor(
  schoolId: string,
  id: string,
  fields: Pick<Supervisor, 'name' | 'phone' | 'email'>,
): Promise<boolean> {
  try {
    await dynamoClient().send(
      new UpdateCommand({
        TableName: table(),
        Key: keys.supervisor(schoolId, id),
        UpdateExpression: 'SET #n = :n, phone = :p, email = :e',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeNames: { '#n': 'name' },
        ExpressionAttributeValues: { ':n': fields.name, ':p': fields.phone, ':e': fields.email },
      }),
    );
    return true;
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return false;
    throw error;
  }
}

export type DeleteOutcome =
  | { deleted: true }
  | { deleted: false; linkedStudents: number }
  | { deleted: false; missing: true };

/** Deletes a supervisor only while no student is linked, decided by the database, not a prior read. */
export async function deleteSupervisor(schoolId: string, id: string): Promise<DeleteOutcome> {
  try {
    await dynamoClient().send(
      new DeleteCommand({
        TableName: table(),
        Key: keys.supervisor(schoolId, id),
        ConditionExpression: 'attribute_exists(pk) AND studentCount = :zero',
        ExpressionAttributeValues: { ':zero': 0 },
      }),
    );
    return { deleted: true };
  } catch (error) {
    if (!(error instanceof ConditionalCheckFailedException)) throw error;
    const current = await getSupervisor(schoolId, id);
    return current
      ? { deleted: false, linkedStudents: current.studentCount }
      : { deleted: false, missing: true };
  }
}
