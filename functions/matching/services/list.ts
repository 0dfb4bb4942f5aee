import { defineHandler } from '#http/handler';
import { ok } from '#http/responses';
import { listOrganisations } from '#organisations/store';

/** Active services, for a school's "preferred service" choice: names and places, nothing more. */
export const handler = defineHandler('services-list', async () => {
  const services = await listOrganisations('service');
  return ok({
    items: services
      .filter((s) => s.active)
      .map((s) => ({ id: s.id, name: s.name, province: s.province, city: s.address?.city ?? null })),
  });
});
