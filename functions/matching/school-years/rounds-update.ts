import { defineHandler } from '#http/handler';
import { ok } from '#http/responses';
import { changeProposedRound } from '#school-years/years';

/** A change to a round of a prepared year's calendar, with the round's warnings afterwards. */
export const handler = defineHandler('school-years-rounds-update', async ({ path, body }) =>
  ok(await changeProposedRound(path.schoolYear, path.id, body)),
);
