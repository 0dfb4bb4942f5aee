import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { dynamoClient } from '../aws/clients';
import { settings } from '../config/env';
import type { Role } from '../domain/roles';

/** Who a logged-in person is, as the product knows them: decided from data, not token claims. */
export interface Identity {
  userId: string;
  email: string;
  name: string;
  role: Role;
  organisationId: string;
  active: boolean;
}

export interface IdentityStore {
  findBySubject(subject: string): Promise<Identity | null>;
}

export const identityKey = (subject: string) => ({ pk: `USER#${subject}`, sk: 'IDENTITY' });

export const dynamoIdentityStore: IdentityStore = {
  async findBySubject(subject) {
    const { Item } = await dynamoClient().send(
      new GetCommand({ TableName: settings.tableName(), Key: identityKey(subject), ConsistentRead: true }),
    );
    if (!Item) return null;
    return {
      userId: Item.userId,
      email: Item.email,
      name: Item.name,
      role: Item.role,
      organisationId: Item.organisationId,
      active: Item.active === true,
    };
  },
};
