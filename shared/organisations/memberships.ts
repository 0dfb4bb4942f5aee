import { PutCommand } from '@aws-sdk/lib-dynamodb';
import type { OrganisationChoice } from '#contract/memberships';
import type { Organisation } from '#contract/organisations';
import type { Role } from '#contract/roles';
import { dynamoClient } from '#platform/aws-clients/dynamodb';
import { settings } from '#platform/config';
import { batchGet } from '#platform/table/batch-get';
import { keys } from '#platform/table/keys';
import { queryAll } from '#platform/table/query-all';
import { findPersonByEmail, listPeople } from './people-store';
import { getOrganisation } from './store';

export interface StoredMembership {
  personId: string;
  personName: string;
  email: string;
  organisationId: string;
  role: Role;
  active: boolean;
  since: string;
  /** How the person came in: a takeover or an approved registration. */
  via: 'takeover' | 'registration';
}

const table = () => settings.tableName();

/** Gives a person a place in one more organisation; adding it twice changes nothing. */
export async function addMembership(
  person: { id: string; name: string; email: string },
  organisation: Pick<Organisation, 'id' | 'type'>,
  via: StoredMembership['via'],
  now: Date,
): Promise<void> {
  const membership: StoredMembership = {
    personId: person.id,
    personName: person.name,
    email: person.email,
    organisationId: organisation.id,
    role: organisation.type,
    active: true,
    since: now.toISOString(),
    via,
  };
  await dynamoClient().send(
    new PutCommand({
      TableName: table(),
      Item: {
        ...keys.membership(person.id, organisation.id),
        ...keys.membershipByOrganisation(organisation.id, person.id),
        ...membership,
      },
    }),
  );
}

export function membershipsOf(personId: string): Promise<StoredMembership[]> {
  return queryAll<StoredMembership>({
    TableName: table(),
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :sk)',
    ExpressionAttributeValues: { ':pk': keys.membershipPartition(personId), ':sk': keys.membershipPrefix },
    ConsistentRead: true,
  });
}

export function membersOf(organisationId: string): Promise<StoredMembership[]> {
  return queryAll<StoredMembership>({
    TableName: table(),
    IndexName: 'gsi1',
    KeyConditionExpression: 'gsi1pk = :pk',
    ExpressionAttributeValues: { ':pk': keys.membershipByOrganisationPartition(organisationId) },
  });
}

/** Every organisation a person may act for, their own first: what the header's switch offers. */
export async function organisationsOf(person: {
  userId: string;
  email: string;
}): Promise<OrganisationChoice[]> {
  // The person's own organisation (where they were invited), whichever one they act for now.
  const [own, memberships] = await Promise.all([
    findPersonByEmail(person.email),
    membershipsOf(person.userId).then((all) => all.filter((m) => m.active)),
  ]);
  const ids = [
    ...new Set([...(own ? [own.organisationId] : []), ...memberships.map((m) => m.organisationId)]),
  ];
  const organisations = await batchGet<Organisation>(ids.map((id) => keys.organisation(id)));
  const byId = new Map(organisations.map((o) => [o.id, o]));
  return ids.flatMap((id) => {
    const org = byId.get(id);
    return org?.active ? [{ id, name: org.name, role: org.type }] : [];
  });
}

/** The people who manage an organisation: its own active people and its active members. */
export async function managersOf(
  organisationId: string,
): Promise<{ id: string; name: string; email: string }[]> {
  const [people, members] = await Promise.all([listPeople(organisationId), membersOf(organisationId)]);
  const all = [
    ...people.filter((p) => p.status === 'active').map((p) => ({ id: p.id, name: p.name, email: p.email })),
    ...members.filter((m) => m.active).map((m) => ({ id: m.personId, name: m.personName, email: m.email })),
  ];
  return [...new Map(all.map((p) => [p.id, p])).values()];
}

export const isMember = async (personId: string, organisationId: string) =>
  (await getOrganisation(organisationId)) !== null &&
  (await membershipsOf(personId)).some((m) => m.organisationId === organisationId && m.active);
