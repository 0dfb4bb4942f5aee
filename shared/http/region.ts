import { PROVINCE_LABELS, type Province } from '#contract/provinces';
import type { Role } from '#contract/roles';
import { forbidden } from '#kernel/errors';

/**
 * The provinces an actor of the sector may see and act on: `null` for the national team (the
 * whole sector), the list of its provinces for a regional team ("regionale trekker"). The one
 * place that says what a coordinator may reach; every admin route asks it per object, on the
 * server. Schools and services never have a region (their own checks apply).
 */
export type Region = readonly Province[] | null;

type Actor = { role: Role; provinces?: readonly Province[] | null };

/** Whether the actor may see this organisation (`schools`: ids of the schools with students in its region). */
export function organisationVisible(
  caller: Actor & { organisationId: string },
  organisation: { id: string; type: string; province?: string | null },
  schools: ReadonlySet<string> | null,
): boolean {
  const region = regionOf(caller);
  if (region === null) return true;
  if (organisation.id === caller.organisationId) return true;
  if (organisation.type === 'service') return inRegion(region, organisation.province);
  if (organisation.type === 'school') return schools?.has(organisation.id) ?? false;
  return false;
}

/** The actor's region: a regional team's provinces, or null for the national team. */
export function regionOf(actor: Actor): Region {
  if (actor.role !== 'admin') return null;
  return actor.provinces && actor.provinces.length > 0 ? actor.provinces : null;
}

export const isNational = (actor: Actor) => regionOf(actor) === null;

/** Whether something in this province (a student's internship province, a service's) is the actor's. */
export function inRegion(region: Region, province: string | null | undefined): boolean {
  if (region === null) return true;
  return province !== null && province !== undefined && region.includes(province as Province);
}

/** Only what lies in the region: the whole list for the national team. */
export function withinRegion<T>(
  region: Region,
  items: readonly T[],
  provinceOf: (item: T) => string | null | undefined,
) {
  return region === null ? [...items] : items.filter((item) => inRegion(region, provinceOf(item)));
}

/** The province asked for (a filter) must be the actor's; none asked is fine. */
export function assertProvinceInRegion(region: Region, province: string | null | undefined): void {
  if (province && !inRegion(region, province)) throw outsideRegion(region);
}

/**
 * An object of another province is refused with 403 (never 404): its id says nothing about the
 * student, and the API answers the same whether the object is a student, a service or a school.
 */
export function assertInRegion(region: Region, province: string | null | undefined): void {
  if (!inRegion(region, province)) throw outsideRegion(region);
}

/** Routes of the whole sector (the calendar, school years, imports, regional teams). */
export function assertNational(actor: Actor): void {
  if (!isNational(actor)) throw forbidden('Dit kan alleen het nationale team.');
}

export function outsideRegion(region: Region) {
  return forbidden(`Dit valt buiten je regio (${regionLabel(region)}).`);
}

/** "Limburg, Antwerpen" — or "heel de sector". */
export function regionLabel(region: Region): string {
  return region === null ? 'heel de sector' : region.map((p) => PROVINCE_LABELS[p]).join(', ');
}

/**
 * Whether an audit entry is a regional team's to see: it concerns one of its provinces (the
 * entry's `subject.provinces`), or someone of its own team did it. Entries about the whole sector
 * name no province and stay the national team's.
 */
export function auditEntryInRegion(
  region: Region,
  ownOrganisationId: string,
  entry: { actor: { organisationId: string } | null; subject: { provinces?: readonly string[] } },
): boolean {
  if (region === null) return true;
  if (entry.actor?.organisationId === ownOrganisationId) return true;
  return (entry.subject.provinces ?? []).some((p) => inRegion(region, p));
}
