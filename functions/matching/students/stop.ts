import { StudentPath as studentPath } from '#contract/students';
import { defineHandler } from '#http/handler';
import { ok } from '#http/responses';
import { markStopped } from '#students/use-cases';

export const handler = defineHandler('students-stop', { path: studentPath }, async ({ caller, path }) => {
  const student = await markStopped(caller, path.id, new Date());
  return ok({ id: student.id, status: 'stopped', stoppedAt: student.stoppedAt });
});
