import { defineHandler } from '#http/handler';
import { accepted, ok } from '#http/responses';
import { checkImport, commitImport } from '#imports/use-cases';

/**
 * Without `commit` a dry run (200, in the request). With `commit` the file is stored and the
 * import runs in the background: 202 with the job, whose progress the page polls.
 */
export const handler = defineHandler('admin-imports', async ({ caller, body }) => {
  if (!body.commit) return ok(await checkImport(body));
  return accepted(await commitImport(caller, body, new Date()));
});
