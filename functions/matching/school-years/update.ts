import { defineHandler } from '#http/handler';
import { ok } from '#http/responses';
import { updateSchoolYear } from '#school-years/years';

/** The retention date, or archiving: from then on every write to the year answers 409. */
export const handler = defineHandler('school-years-update', async ({ caller, path, body }) =>
  ok(await updateSchoolYear(path.schoolYear, body, caller.userId, new Date())),
);
