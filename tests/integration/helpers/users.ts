import { randomUUID } from 'node:crypto';
import { InitiateAuthCommand } from '@aws-sdk/client-cognito-identity-provider';
import { cognitoLogins } from '#accounts/cognito';
import type { Organisation } from '#contract/organisations';
import type { Role } from '#contract/roles';
import { newId } from '#kernel/ids';
import { createPerson, putIdentity, type StoredPerson } from '#organisations/people-store';
import { putOrganisation } from '#organisations/store';
import { createOrganisation } from '#organisations/use-cases';
import { cognitoClient } from '#platform/aws-clients/cognito';
import { settings } from '#platform/config';

export interface TestUser {
  sub: string;
  email: string;
  password: string;
  accessToken: string;
  person: StoredPerson;
  organisation: Organisation;
}

export const uniqueEmail = (prefix = 'test') => `${prefix}-${randomUUID().slice(0, 8)}@example.be`;
export const GOOD_PASSWORD = 'een lange zin als wachtwoord';

/** An organisation of the given kind, made through the product's own code. */
export async function createTestOrganisation(type: Role): Promise<Organisation> {
  const address = { street: 'Kerkstraat 1', postcode: '9000', city: 'Gent' };
  const name = `Test ${type} ${randomUUID().slice(0, 6)}`;
  if (type === 'service') {
    return createOrganisation(
      {
        type,
        name,
        email: uniqueEmail('org'),
        address,
        province: 'oost-vlaanderen',
        sector: 'social_profit',
      },
      new Date(),
    );
  }
  if (type === 'school') {
    return createOrganisation(
      { type, name, email: uniqueEmail('org'), address, tracks: ['secondary'] },
      new Date(),
    );
  }
  const now = new Date().toISOString();
  const organisation: Organisation = {
    id: newId(),
    type: 'admin',
    name,
    email: uniqueEmail('org'),
    active: true,
    createdAt: now,
    updatedAt: now,
  };
  await putOrganisation(organisation);
  return organisation;
}

/** A person with a real, active login (local Cognito) in a fresh organisation, unless told otherwise. */
export async function createTestUser(
  options: { role?: Role; identity?: boolean; organisation?: Organisation } = {},
): Promise<TestUser> {
  const organisation = options.organisation ?? (await createTestOrganisation(options.role ?? 'school'));
  const email = uniqueEmail();
  const password = `${GOOD_PASSWORD} ${randomUUID().slice(0, 4)}`;
  const now = new Date().toISOString();
  const person: StoredPerson = {
    id: newId(),
    organisationId: organisation.id,
    email,
    name: 'Test Persoon',
    status: 'active',
    invitedAt: now,
    activatedAt: now,
  };
  await createPerson(person);
  const sub = await cognitoLogins.ensure(email);
  await cognitoLogins.setPassword(email, password);
  if (options.identity !== false) await putIdentity(sub, person, organisation.type);
  return {
    sub,
    email,
    password,
    accessToken: await accessTokenFor(email, password),
    person: { ...person, sub },
    organisation,
  };
}

export async function accessTokenFor(email: string, password: string): Promise<string> {
  const auth = await cognitoClient().send(
    new InitiateAuthCommand({
      // The client of the stack this process talks to (a test may start a stack of its own).
      ClientId: settings.userPoolClientId(),
      AuthFlow: 'USER_PASSWORD_AUTH',
      AuthParameters: { USERNAME: email, PASSWORD: password },
    }),
  );
  const token = auth.AuthenticationResult?.AccessToken;
  if (!token) throw new Error('cognito-local issued no access token');
  return token;
}
