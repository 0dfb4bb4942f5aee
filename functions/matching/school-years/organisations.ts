import { defineHandler } from '#http/handler';
import { ok } from '#http/responses';
import { setParticipation } from '#school-years/years';

/** Which organisations are left out of the prepared year (all active ones take part by default). */
export const handler = defineHandler('school-years-organisations', async ({ path, body }) =>
  ok(await setParticipation(path.schoolYear, body.excludedOrganisations)),
);
