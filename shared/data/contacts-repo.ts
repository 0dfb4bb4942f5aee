import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { dynamoClient } from '../aws/clients';
import { settings } from '../config/env';
import { keys, stripKeys } from './keys';
import { queryAll } from './query-all';

const table = () => settings.tableName();

/** A service's contact person / mentor ("contactpersoon stage", "stagementor"). */
export interface Contact {
  id: string;
  serviceId: string;
  name: string;
  phone: string;
  email: string;
  /** Acceptances that name this person; kept in the acceptance transaction. */
  acceptanceCount: number;
}

export async function putContact(contact: Contact): Promise<void> {
  await dynamoClient().send(
    new PutCommand({
      TableName: table(),
      Item: { ...keys.contact(contact.serviceId, contact.id), ...contact },
      ConditionExpression: 'attribute_not_exists(pk)',
    }),
  );
}

export async function getContact(serviceId: string, id: string): Promise<Contact | null> {
  const { Item } = await dynamoClient().send(
    new GetCommand({ TableName: table(), Key: keys.contact(serviceId, id), ConsistentRead: true }),
  );
  return Item ? (stripKeys(Item) as unknown as Contact) : null;
}

export function listContacts(serviceId: string): Promise<Contact[]> {
  return queryAll<Contact>({
    TableName: table(),
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :sk)',
    ExpressionAttributeValues: { ':pk': `ORG#${serviceId}`, ':sk': 'CONTACT#' },
  }).then((items) => items.sort((a, b) => a.name.localeCompare(b.name, 'nl-BE')));
}

export async function updateContact(
  serviceId: string,
  id: string,
  fields: Pick<Contact, 'name' | 'phone' | 'email'>,
) {
  try {
    const { Attributes } = await dynamoClient().send(
      new UpdateCommand({
        TableName: table(),
        Key: keys.contact(serviceId, id),
        UpdateExpression: 'SET #n = :n, phone = :p, email = :e',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeNames: { '#n': 'name' },
        ExpressionAttributeValues: { ':n': fields.name, ':p': fields.phone, ':e': fields.email },
        ReturnValues: 'ALL_NEW',
      }),
    );
    return Attributes ? (stripKeys(Attributes) as unknown as Contact) : null;
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return null;
    throw error;
  }
}

/** Deletes a contact person no acceptance names; otherwise says how many do. */
export async function deleteContact(serviceId: string, id: string) {
  try {
    await dynamoClient().send(
      new DeleteCommand({
        TableName: table(),
        Key: keys.contact(serviceId, id),
        ConditionExpression: 'attribute_exists(pk) AND acceptanceCount = :zero',
        ExpressionAttributeValues: { ':zero': 0 },
      }),
    );
    return { deleted: true as const };
  } catch (error) {
    if (!(error instanceof ConditionalCheckFailedException)) throw error;
    const current = await getContact(serviceId, id);
    return current ? { deleted: false as const, acceptances: current.acceptanceCount } : null;
  }
}
