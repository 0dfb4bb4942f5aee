import { defineHandler } from '#http/handler';
import { openApiDocument } from '#http/openapi';
import { ok } from '#http/responses';

/** Built once per container: the table does not change while it runs. */
let document: ReturnType<typeof openApiDocument> | undefined;

/** The API as an OpenAPI 3.1 document, for anyone who scripts against it. */
export const handler = defineHandler('openapi', async () => {
  document ??= openApiDocument();
  return ok(document, { headers: { 'cache-control': 'public, max-age=300' } });
});
