import { listAudit } from '#audit/list';
import { namedEntries } from '#audit/names';
import { defineHandler } from '#http/handler';
import { auditEntryInRegion, regionOf } from '#http/region';
import { ok } from '#http/responses';
import { recentOrganisation } from '#organisations/store';

export const handler = defineHandler('admin-audit', async ({ caller, query }) => {
  const region = regionOf(caller);
  const page = await listAudit(query, new Date(), (entry) =>
    auditEntryInRegion(region, caller.organisationId, entry),
  );
  return ok({
    ...page,
    items: await namedEntries(page.items, async (id) => (await recentOrganisation(id))?.name),
  });
});
