import { defineHandler } from '#http/handler';
import { ok } from '#http/responses';
import { listSchoolStudents } from '#students/list';
import { hoursOfMany } from '#trajectory/use-cases';

export const handler = defineHandler('students-list', async ({ caller, query }) => {
  const list = await listSchoolStudents(caller.organisationId, query, new Date());
  // The care-assistant rule per student, from each student's running hour sums.
  const hours = await hoursOfMany(list.items.map((s) => s.id));
  return ok({ ...list, items: list.items.map((s) => ({ ...s, hours: hours.get(s.id) ?? null })) });
});
