import { startExport } from '#exports/use-cases';
import { defineHandler } from '#http/handler';
import { accepted } from '#http/responses';

export const handler = defineHandler('exports-start', async ({ caller, body }) =>
  accepted(await startExport(caller, body, new Date())),
);
