import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { GetCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Person } from '#contract/organisations';
import type { Role } from '#contract/roles';
import type { NewsKind } from '#contract/session';
import { dynamoClient } from '#platform/aws-clients/dynamodb';
import { settings } from '#platform/config';
import { keys, stripKeys } from '#platform/table/keys';
import { queryAll } from '#platform/table/query-all';
import { setExpression } from '#platform/table/set-expression';

const table = () => settings.tableName();

export class EmailTaken extends Error {}

export interface StoredPerson extends Person {
  /** The Cognito subject, once the person activated their login. */
  sub?: string;
  /** Hash of the one activation link that currently works; a new mail replaces it. */
  activationTokenHash?: string;
  resetTokenHash?: string;
  /** `false` when the person switched reminder mails off ("Mijn account"); absent means on. */
  reminders?: boolean;
  /** The kinds of school mails about its students the person switched off; absent means all on. */
  newsOff?: NewsKind[];
}

/** Adds a person, claiming the email address for them across the whole system in the same write. */
export async function createPerson(person: StoredPerson): Promise<void> {
  try {
    await dynamoClient().send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Put: {
              TableName: table(),
              Item: {
                ...keys.email(person.email),
                personId: person.id,
                organisationId: person.organisationId,
              },
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
          {
            Put: {
              TableName: table(),
              Item: { ...keys.person(person.organisationId, person.id), ...person },
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
        ],
      }),
    );
  } catch (error) {
    if (error instanceof TransactionCanceledException) throw new EmailTaken(person.email);
    throw error;
  }
}

/**
 * Moves a person who has not activated yet to another address: the claim on the old address is
 * released and the new one claimed in the same write, and the activation link sent to the old
 * address stops working. `EmailTaken` when someone else has the new address.
 */
export async function changeInvitedPersonEmail(person: StoredPerson, email: string): Promise<void> {
  try {
    await dynamoClient().send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Delete: {
              TableName: table(),
              Key: keys.email(person.email),
              ConditionExpression: 'personId = :id',
              ExpressionAttributeValues: { ':id': person.id },
            },
          },
          {
            Put: {
              TableName: table(),
              Item: { ...keys.email(email), personId: person.id, organisationId: person.organisationId },
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
          {
            Update: {
              TableName: table(),
              Key: keys.person(person.organisationId, person.id),
              UpdateExpression: 'SET email = :email REMOVE activationTokenHash',
              ConditionExpression: '#s = :invited',
              ExpressionAttributeNames: { '#s': 'status' },
              ExpressionAttributeValues: { ':email': email, ':invited': 'invited' },
            },
          },
        ],
      }),
    );
  } catch (error) {
    if (error instanceof TransactionCanceledException) throw new EmailTaken(email);
    throw error;
  }
}

export async function getPerson(organisationId: string, personId: string): Promise<StoredPerson | null> {
  const { Item } = await dynamoClient().send(
    new GetCommand({ TableName: table(), Key: keys.person(organisationId, personId), ConsistentRead: true }),
  );
  return Item ? (stripKeys(Item) as unknown as StoredPerson) : null;
}

export async function findPersonByEmail(email: string): Promise<StoredPerson | null> {
  const { Item } = await dynamoClient().send(
    new GetCommand({ TableName: table(), Key: keys.email(email), ConsistentRead: true }),
  );
  return Item ? getPerson(Item.organisationId, Item.personId) : null;
}

export function listPeople(organisationId: string): Promise<StoredPerson[]> {
  return queryAll<StoredPerson>({
    TableName: table(),
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :sk)',
    ExpressionAttributeValues: {
      ':pk': keys.organisationPartition(organisationId),
      ':sk': keys.personPrefix,
    },
    ConsistentRead: true,
  });
}

export async function setPersonFields(
  person: Pick<Person, 'id' | 'organisationId'>,
  fields: Partial<StoredPerson>,
): Promise<void> {
  await dynamoClient().send(
    new UpdateCommand({
      TableName: table(),
      Key: keys.person(person.organisationId, person.id),
      ConditionExpression: 'attribute_exists(pk)',
      ...setExpression(fields),
    }),
  );
}

/** Links a Cognito login to a person: the identity every API request is checked against. */
export async function putIdentity(
  sub: string,
  person: Person,
  role: Role,
  extra: { sessionsValidAfter?: number } = {},
): Promise<void> {
  await dynamoClient().send(
    new TransactWriteCommand({
      TransactItems: [
        {
          Put: {
            TableName: table(),
            Item: {
              ...keys.identity(sub),
              userId: person.id,
              email: person.email,
              name: person.name,
              role,
              organisationId: person.organisationId,
              active: person.status === 'active',
              ...extra,
            },
          },
        },
        {
          Update: {
            TableName: table(),
            Key: keys.person(person.organisationId, person.id),
            UpdateExpression: 'SET #sub = :sub',
            ExpressionAttributeNames: { '#sub': 'sub' },
            ExpressionAttributeValues: { ':sub': sub },
          },
        },
      ],
    }),
  );
}

export async function setIdentityFields(
  sub: string,
  fields: { active?: boolean; sessionsValidAfter?: number; sessionsEndedAtMs?: number },
) {
  await dynamoClient().send(
    new UpdateCommand({
      TableName: table(),
      Key: keys.identity(sub),
      ConditionExpression: 'attribute_exists(pk)',
      ...setExpression(fields),
    }),
  );
}
