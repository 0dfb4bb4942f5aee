import {
  changesAllowedFor,
  type NewOrganisation,
  type Organisation,
  type OrganisationChanges,
  type OrganisationType,
  type Person,
} from '#contract/organisations';
import type { Province } from '#contract/provinces';
import { conflict, validationFailed } from '#kernel/errors';
import { newId } from '#kernel/ids';
import { fold } from '#kernel/text';
import { listPeople, type StoredPerson } from './people-store';
import { listOrganisations, putOrganisation, updateOrganisation } from './store';

const ADMIN_ORGANISATION = 'De beheerorganisatie kan niet gedeactiveerd worden: dan kan niemand nog beheren.';
const NATIONAL_TEAM = 'Een team voor heel de sector blijft voor heel de sector: maak een regionaal team aan.';

export async function createOrganisation(input: NewOrganisation, now: Date): Promise<Organisation> {
  const stamp = now.toISOString();
  const { provinces, ...rest } = input as NewOrganisation & { provinces?: Organisation['provinces'] };
  const organisation: Organisation = {
    ...rest,
    // A team without provinces covers the whole sector: the attribute is left out, not empty.
    ...(provinces?.length ? { provinces } : {}),
    id: newId(now.getTime()),
    active: true,
    createdAt: stamp,
    updatedAt: stamp,
  };
  await putOrganisation(organisation, { onlyIfNew: true });
  return organisation;
}

export async function changeOrganisation(current: Organisation, changes: OrganisationChanges, now: Date) {
  // Only regional teams may be deactivated: the national team is who manages everything.
  if (current.type === 'admin' && changes.active === false && !current.provinces?.length) {
    throw conflict(ADMIN_ORGANISATION);
  }
  // Limiting the national team would leave nobody who sees the whole sector.
  if (current.type === 'admin' && changes.provinces && !current.provinces?.length) {
    throw conflict(NATIONAL_TEAM);
  }
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
