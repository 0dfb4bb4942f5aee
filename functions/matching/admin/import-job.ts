import { defineHandler } from '#http/handler';
import { ok } from '#http/responses';
import { importStatus } from '#imports/use-cases';

/** Where an import in the background stands ("112 van 340 verwerkt"), and once it stopped, every row. */
export const handler = defineHandler('admin-import-job', async ({ path }) =>
  ok(await importStatus(path.id, new Date())),
);
