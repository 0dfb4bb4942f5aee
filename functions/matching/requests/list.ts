import { RequestQuery } from '#contract/requests';
import { defineHandler } from '#http/handler';
import { ok } from '#http/responses';
import { listRequests } from '#requests/list';

export const handler = defineHandler('requests-list', { query: RequestQuery }, async ({ caller, query }) =>
  ok(await listRequests(caller, query, new Date())),
);
