import { StudentListQuery } from '#contract/students';
import { defineHandler } from '#http/handler';
import { ok } from '#http/responses';
import { listSchoolStudents } from '#students/list';

export const handler = defineHandler(
  'students-list',
  { query: StudentListQuery },
  async ({ caller, query }) => ok(await listSchoolStudents(caller.organisationId, query, new Date())),
);
