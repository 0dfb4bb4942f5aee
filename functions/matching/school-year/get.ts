import { defineHandler } from '#http/handler';
import { ok } from '#http/responses';
import { schoolYearView } from '#school-year/use-cases';

/** The school year: time zone, blackout, rounds with their state now, and the server's now. */
export const handler = defineHandler('school-year-get', async () => ok(await schoolYearView(new Date())));
