import { defineHandler } from '#http/handler';
import { ok } from '#http/responses';
import { listSchoolYears } from '#school-years/years';

/** Every school year the registry knows: status, retention date, students, erasure. */
export const handler = defineHandler('school-years-list', async () => ok(await listSchoolYears()));
