import { listAudit } from '#audit/list';
import { namedEntries } from '#audit/names';
import { defineHandler } from '#http/handler';
import { ok } from '#http/responses';
import { recentOrganisation } from '#organisations/store';

export const handler = defineHandler('admin-audit', async ({ query }) => {
  const page = await listAudit(query, new Date());
  return ok({
    ...page,
    items: await namedEntries(page.items, async (id) => (await recentOrganisation(id))?.name),
  });
});
