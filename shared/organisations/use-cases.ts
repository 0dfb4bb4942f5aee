import { cognitoLogins } from '#accounts/cognito';
import {
  changesAllowedFor,
  type NewOrganisation,
  type Organisation,
  type OrganisationChanges,
  type OrganisationType,
  type Person,
} from '#contract/organisations';
import type { Province } from '#contract/provinces';
import { conflict, notFound, validationFailed } from '#kernel/errors';
import { newId } from '#kernel/ids';
import { fold } from '#kernel/text';
import { getPerson, listPeople, type StoredPerson, setIdentityFields, setPersonFields } from './people-store';
import { getOrganisation, listOrganisations, putOrganisation, updateOrganisation } from './store';

const ADMIN_ORGANISATION = 'De beheerorganisatie kan niet gedeactiveerd worden: dan kan niemand nog beheren.';
const LAST_ADMIN =
  'Dit is de laatste actieve beheerder. Nodig eerst een andere beheerder uit en laat die zijn account activeren.';

export async function createOrganisation(input: NewOrganisation, now: Date): Promise<Organisation> {
  const stamp = now.toISOString();
  const organisation: Organisation = {
    ...input,
    id: newId(now.getTime()),
    active: true,
    createdAt: stamp,
    updatedAt: stamp,
  };
  await putOrganisation(organisation, { onlyIfNew: true });
  return organisation;
}

export async function changeOrganisation(current: Organisation, changes: OrganisationChanges, now: Date) {
  if (current.type === 'admin' && changes.active === false) throw conflict(ADMIN_ORGANISATION);
  const wrong = changesAllowedFor(current.type, changes);
  if (wrong.length > 0) {
    throw validationFailed(
      wrong.map((path) => ({
        path,
        in: 'body' as const,
        message: 'Dit veld hoort niet bij dit soort organisatie.',
      })),
    );
  }
  return updateOrganisation(current, changes, now.toISOString());
}

export interface OrganisationFilter {
  type?: OrganisationType;
  province?: Province;
  q?: string;
}

export async function findOrganisations(filter: OrganisationFilter): Promise<Organisation[]> {
  const all = await listOrganisations(filter.type);
  const q = filter.q ? fold(filter.q) : undefined;
  return all.filter(
    (org) => (!filter.province || org.province === filter.province) && (!q || fold(org.name).includes(q)),
  );
}

/** What the admin sees of a person: never token hashes or login subjects. */
export function personView(person: StoredPerson): Person {
  const { sub: _s, activationTokenHash: _a, resetTokenHash: _r, ...view } = person;
  return view;
}

export async function peopleOf(organisationId: string): Promise<Person[]> {
  const people = await listPeople(organisationId);
  return people.map(personView).sort((a, b) => a.name.localeCompare(b.name, 'nl-BE'));
}

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
