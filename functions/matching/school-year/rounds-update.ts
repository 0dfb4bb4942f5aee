import { defineHandler } from '#http/handler';
import { ok } from '#http/responses';
import { changeRound } from '#school-year/use-cases';

/** Any subset of a round's fields; the calendar's rules are checked on the result. */
export const handler = defineHandler('rounds-update', async ({ caller, path, body }) =>
  ok(await changeRound(path.id, body, caller.userId)),
);
