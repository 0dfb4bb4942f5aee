import { defineHandler } from '#http/handler';
import { ok } from '#http/responses';
import { markStopped } from '#students/use-cases';

export const handler = defineHandler('students-stop', async ({ caller, path }) => {
  const now = new Date();
  const student = await markStopped(caller, path.id, now);
  return ok({ id: student.id, status: 'stopped', stoppedAt: student.stoppedAt ?? now.toISOString() });
});
