import { defineHandler } from '#http/handler';
import { created } from '#http/responses';
import { prepareSchoolYear } from '#school-years/years';

/** "Nieuw schooljaar voorbereiden": next year's calendar, proposed from this year's (201; 409 if it exists). */
export const handler = defineHandler('school-years-create', async ({ caller, body }) =>
  created(await prepareSchoolYear(body.schoolYear, caller.userId, new Date())),
);
