import type { Organisation } from '#contract/organisations';
import { newId } from '#kernel/ids';
import { createPerson, findPersonByEmail, putIdentity, type StoredPerson } from '#organisations/people-store';
import { listOrganisations, putOrganisation } from '#organisations/store';
import { type Mailer, sesMailer } from '#platform/mailer';
import { cognitoLogins } from './cognito';
import { invitePerson } from './invitations';
import { assertGoodPassword } from './passwords';

export const ADMIN_ORGANISATION_NAME = 'VIVO (sector gezinszorg)';

/** The one admin organisation: the sector body. Made once, found afterwards. */
export async function ensureAdminOrganisation(email: string, now: Date): Promise<Organisation> {
  const [existing] = await listOrganisations('admin');
  if (existing) return existing;
  const stamp = now.toISOString();
  const organisation: Organisation = {
    id: newId(now.getTime()),
    type: 'admin',
    name: ADMIN_ORGANISATION_NAME,
    email,
    active: true,
    createdAt: stamp,
    updatedAt: stamp,
  };
  await putOrganisation(organisation, { onlyIfNew: true });
  return organisation;
}

/**
 * Local only: an admin who can log in at once with a known password. Existing admins are left
 * as they are, so a password changed through the app survives a restart.
 */
export async function ensureLocalAdmin(email: string, password: string, now = new Date()): Promise<void> {
  await assertGoodPassword(password, email);
  const organisation = await ensureAdminOrganisation(email, now);
  if (await findPersonByEmail(email)) return;
  const person: StoredPerson = {
    id: newId(now.getTime()),
    organisationId: organisation.id,
    email,
    name: 'Lokale beheerder',
    status: 'active',
    invitedAt: now.toISOString(),
    activatedAt: now.toISOString(),
  };
  await createPerson(person);
  const sub = await cognitoLogins.ensure(email);
  await cognitoLogins.setPassword(email, password);
  await putIdentity(sub, person, 'admin');
}

/** In AWS: the first admin gets an invitation mail like everybody else. */
export async function inviteFirstAdmin(
  email: string,
  now = new Date(),
  mailer: Mailer = sesMailer,
): Promise<void> {
  const organisation = await ensureAdminOrganisation(email, now);
  if (await findPersonByEmail(email)) return;
  await invitePerson(organisation, { email, name: 'Beheerder' }, now, mailer);
}
