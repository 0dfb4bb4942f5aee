import { defineHandler } from '#http/handler';
import { ok } from '#http/responses';
import { listNotices } from '#notices/store';

/** The admin's notices: for now, the same person entered by two schools. */
export const handler = defineHandler('notices-list', async () => {
  const items = await listNotices();
  return ok({ items, total: items.length });
});
