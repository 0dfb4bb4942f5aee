import { listOrganisations } from '../../../shared/data/organisations-repo';
import { defineHandler } from '../../../shared/http/handler';
import { ok } from '../../../shared/http/responses';

/** Active services, for a school's "preferred service" choice: names and places, nothing more. */
export const handler = defineHandler('services-list', {}, async () => {
  const services = await listOrganisations('service');
  return ok({
    items: services
      .filter((s) => s.active)
      .map((s) => ({ id: s.id, name: s.name, province: s.province, city: s.address?.city ?? null })),
  });
});
