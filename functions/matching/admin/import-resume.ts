import { defineHandler } from '#http/handler';
import { accepted } from '#http/responses';
import { resumeImport } from '#imports/use-cases';

/** "Verder importeren": the background function continues an interrupted import where it stopped. */
export const handler = defineHandler('admin-import-resume', async ({ path }) =>
  accepted(await resumeImport(path.id, new Date())),
);
