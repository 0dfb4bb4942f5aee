import { defineHandler } from '#http/handler';
import { regionOf, withinRegion } from '#http/region';
import { ok } from '#http/responses';
import { listOrganisations } from '#organisations/store';

/** Active services, for a school's "preferred service" choice: names and places, nothing more. */
export const handler = defineHandler('services-list', async ({ caller }) => {
  // A regional team's choice: the services of its provinces (a school's: every service).
  const services = withinRegion(regionOf(caller), await listOrganisations('service'), (s) => s.province);
  return ok({
    items: services
      .filter((s) => s.active)
      .map((s) => ({ id: s.id, name: s.name, province: s.province, city: s.address?.city ?? null })),
  });
});
