import { defineHandler } from '#http/handler';
import { ok } from '#http/responses';
import { markResumed } from '#students/use-cases';

/** Undoes "gestopt": a stop entered by mistake. */
export const handler = defineHandler('students-resume', async ({ caller, path }) => {
  const student = await markResumed(caller, path.id, new Date());
  return ok({ id: student.id, status: student.placement ? 'accepted' : 'open', stoppedAt: null });
});
