import { defineHandler } from '#http/handler';
import { ok } from '#http/responses';
import { importOrganisations } from '#imports/use-cases';

export const handler = defineHandler('admin-imports', async ({ caller, body }) =>
  ok(await importOrganisations(caller, body, new Date())),
);
