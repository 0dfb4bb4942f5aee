import { listAudit } from '#audit/list';
import { defineHandler } from '#http/handler';
import { auditEntryInRegion, regionOf } from '#http/region';
import { ok } from '#http/responses';

export const handler = defineHandler('admin-audit', async ({ caller, query }) => {
  const region = regionOf(caller);
  return ok(
    await listAudit(query, new Date(), (entry) => auditEntryInRegion(region, caller.organisationId, entry)),
  );
});
