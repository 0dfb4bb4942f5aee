import { schoolIdsOfRegion } from '#admin/region-scope';
import { defineHandler } from '#http/handler';
import { assertProvinceInRegion, organisationVisible, regionOf } from '#http/region';
import { ok } from '#http/responses';
import { findOrganisations } from '#organisations/use-cases';

export const handler = defineHandler('organisations-list', async ({ caller, query }) => {
  const region = regionOf(caller);
  assertProvinceInRegion(region, query.province);
  const [organisations, schools] = await Promise.all([findOrganisations(query), schoolIdsOfRegion(region)]);
  return ok({ items: organisations.filter((o) => organisationVisible(caller, o, schools)) });
});
