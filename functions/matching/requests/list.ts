import { defineHandler } from '#http/hot-path-handler';
import { ok } from '#http/responses';
import { listRequests } from '#requests/list';

export const handler = defineHandler('requests-list', async ({ caller, query }) =>
  ok(await listRequests(caller, query, new Date())),
);
