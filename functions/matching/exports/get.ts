import { exportStatus } from '#exports/use-cases';
import { defineHandler } from '#http/handler';
import { ok } from '#http/responses';

export const handler = defineHandler('exports-get', async ({ caller, path }) =>
  ok(await exportStatus(caller, path.id, new Date())),
);
