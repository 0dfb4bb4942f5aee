import type { Person } from '#contract/organisations';
import { conflict, notFound } from '#kernel/errors';
import {
  getPerson,
  listPeople,
  type StoredPerson,
  setIdentityFields,
  setPersonFields,
} from '#organisations/people-store';
import { getOrganisation } from '#organisations/store';
import { personView } from '#organisations/use-cases';
import { cognitoLogins } from './cognito';

const LAST_ADMIN =
  'Dit is de laatste actieve beheerder. Nodig eerst een andere beheerder uit en laat die zijn account activeren.';

/** Refuses the person from their next request on; their login and open links stop working. */
export async function deactivatePerson(organisationId: string, personId: string, now: Date): Promise<Person> {
  const person = await getPerson(organisationId, personId);
  if (!person) throw notFound('Deze persoon bestaat niet.');
  if (person.status === 'deactivated') return personView(person);
  if (person.status === 'active' && (await getOrganisation(organisationId))?.type === 'admin') {
    await refuseLastAdmin(person);
  }
  const fields = {
    status: 'deactivated' as const,
    deactivatedAt: now.toISOString(),
    activationTokenHash: '',
    resetTokenHash: '',
  };
  await setPersonFields(person, fields);
  if (person.sub) {
    await setIdentityFields(person.sub, { active: false });
    await cognitoLogins.disable(person.email);
  }
  return personView({ ...person, ...fields });
}

/** Someone must be able to log in as admin: the admin organisation keeps at least one active person. */
async function refuseLastAdmin(person: StoredPerson): Promise<void> {
  const others = (await listPeople(person.organisationId)).filter(
    (p) => p.status === 'active' && p.id !== person.id,
  );
  if (others.length === 0) throw conflict(LAST_ADMIN);
}
