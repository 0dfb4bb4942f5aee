import { roleOf } from '#contract/organisations';
import { gone } from '#kernel/errors';
import { putIdentity, setPersonFields } from '#organisations/people-store';
import { getOrganisation } from '#organisations/store';
import { cognitoLogins } from './cognito';
import { clearFailedLogins } from './login-attempts-store';
import { personForLink, spendLink } from './one-time-links';
import { assertGoodPassword } from './passwords';
import { type SignedIn, startSession } from './sessions';

/** The person chooses a password through their invitation link and is logged in at once. */
export async function activate(token: string, password: string, now: Date): Promise<SignedIn> {
  const { person, hash } = await personForLink(token, 'activation', now);
  await assertGoodPassword(password, person.email);
  const organisation = await getOrganisation(person.organisationId);
  if (!organisation?.active) throw gone('Deze activatielink werkt niet meer: je organisatie is niet actief.');

  const sub = await cognitoLogins.ensure(person.email);
  await cognitoLogins.setPassword(person.email, password);
  await spendLink(hash, 'activation', now);
  const active = { ...person, status: 'active' as const, activatedAt: now.toISOString() };
  await setPersonFields(person, {
    status: 'active',
    activatedAt: active.activatedAt,
    activationTokenHash: '',
  });
  await putIdentity(sub, active, roleOf(organisation.type));
  await clearFailedLogins(person.email);

  const tokens = await cognitoLogins.authenticate(person.email, password);
  if (!tokens) throw new Error('Cognito refused the password it just accepted');
  return startSession(tokens, now);
}
