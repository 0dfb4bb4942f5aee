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
import { lift, refuseUnreachable, withReachability } from '#platform/suppression-list';
import { refusedByCondition } from '#platform/table/items';
import {
  changeInvitedPersonEmail,
  EmailTaken,
  getPerson,
  listPeople,
  type StoredPerson,
} from './people-store';
import { getOrganisation, listOrganisations, putOrganisation, updateOrganisation } from './store';

const ADMIN_ORGANISATION = 'De beheerorganisatie kan niet gedeactiveerd worden: dan kan niemand nog beheren.';
const NATIONAL_TEAM = 'Een team voor heel de sector blijft voor heel de sector: maak een regionaal team aan.';

/**
 * A new school or service. With `id` (an import's row) a retry finds the organisation it made
 * before under that id and returns it, instead of making a second one.
 */
export async function createOrganisation(
  input: NewOrganisation,
  now: Date,
  options: { id?: string } = {},
): Promise<Organisation> {
  const stamp = now.toISOString();
  const { provinces, ...rest } = input as NewOrganisation & { provinces?: Organisation['provinces'] };
  const organisation: Organisation = {
    ...rest,
    // A team without provinces covers the whole sector: the attribute is left out, not empty.
    ...(provinces?.length ? { provinces } : {}),
    id: options.id ?? newId(now.getTime()),
    active: true,
    createdAt: stamp,
    updatedAt: stamp,
  };
  try {
    await putOrganisation(organisation, { onlyIfNew: true });
  } catch (error) {
    const earlier = options.id && refusedByCondition(error) ? await getOrganisation(options.id) : null;
    if (earlier) return earlier;
    throw error;
  }
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

/** The people of an organisation, each marked when mails to their address no longer arrive. */
export async function peopleOf(organisationId: string): Promise<Person[]> {
  const people = await listPeople(organisationId);
  return withReachability(people.map(personView).sort((a, b) => a.name.localeCompare(b.name, 'nl-BE')));
}

const ACTIVE_ADDRESS =
  'Alleen het adres van iemand die het account nog niet activeerde, kan je hier verbeteren. Deactiveer deze persoon en nodig hem of haar uit op het juiste adres.';
const TAKEN = 'Dit e-mailadres heeft al een account.';

/**
 * The admin corrects the address of a person whose mails bounced. Another address moves an
 * invited person to it (their old link stops working; they ask for a new activation mail, or the
 * admin sends one); the same address again means "it works again" and lifts its suppression,
 * whatever the person's status. The old, dead address stays suppressed.
 */
export async function correctPersonEmail(
  organisationId: string,
  personId: string,
  email: string,
  now: Date,
): Promise<Person> {
  const person = await getPerson(organisationId, personId);
  if (!person) throw notFound('Deze persoon bestaat niet.');
  if (email === person.email.toLowerCase()) {
    await lift(email, now.toISOString());
    return personView(person);
  }
  if (person.status !== 'invited') throw conflict(ACTIVE_ADDRESS);
  await refuseUnreachable(email);
  try {
    await changeInvitedPersonEmail(person, email);
  } catch (error) {
    if (error instanceof EmailTaken) throw conflict(TAKEN, [{ path: 'email', in: 'body', message: TAKEN }]);
    throw error;
  }
  const { activationTokenHash: _old, ...moved } = person;
  return personView({ ...moved, email });
}
