import type { Organisation } from '#contract/organisations';
import type { Caller } from '#http/caller';
import {
  assertInRegion,
  inRegion,
  organisationVisible,
  outsideRegion,
  type Region,
  regionOf,
} from '#http/region';
import { forbidden } from '#kernel/errors';
import { listStudentsOfSchool } from '#students/store';
import { everyStudent } from './all-students';

/**
 * What of the sector's data a regional team reaches, where it needs reading the data: the rules
 * themselves are `#http/region` (pure). A coordinator reaches the students whose internship
 * province is theirs, the services of those provinces, the schools with students there, and their
 * own team.
 */

/** The ids of the schools with at least one student in the region; null for the national team. */
export async function schoolIdsOfRegion(region: Region): Promise<Set<string> | null> {
  if (region === null) return null;
  const all = await everyStudent();
  return new Set(all.filter((s) => inRegion(region, s.province)).map((s) => s.schoolId));
}

/** 403 unless the actor may see this organisation; one school's students are read to know. */
export async function assertOrganisationVisible(
  caller: Pick<Caller, 'role' | 'provinces' | 'organisationId'>,
  organisation: Pick<Organisation, 'id' | 'type' | 'province'>,
): Promise<void> {
  const region = regionOf(caller);
  if (region === null) return;
  const schools =
    organisation.type === 'school'
      ? new Set(
          (await listStudentsOfSchool(organisation.id)).some((s) => inRegion(region, s.province))
            ? [organisation.id]
            : [],
        )
      : null;
  if (!organisationVisible(caller, organisation, schools)) throw outsideRegion(region);
}

/**
 * Whether the actor may change this organisation or its people: the national team anything; a
 * regional team the services of its provinces (a school serves every province, a team is the
 * national team's to set up).
 */
export function assertOrganisationManageable(
  caller: Pick<Caller, 'role' | 'provinces'>,
  organisation: Pick<Organisation, 'type' | 'province'>,
): void {
  const region = regionOf(caller);
  if (region === null) return;
  if (organisation.type !== 'service') {
    throw forbidden('Scholen en beheerteams beheert het nationale team.');
  }
  assertInRegion(region, organisation.province);
}

/** Where an organisation lies, for its audit entries: a service's province, a regional team's. */
export function provincesOf(organisation: Pick<Organisation, 'province' | 'provinces'>) {
  const provinces = organisation.province ? [organisation.province] : (organisation.provinces ?? []);
  return provinces.length > 0 ? { provinces } : {};
}
