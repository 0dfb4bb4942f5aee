import { defineHandler } from '#http/handler';
import { noContent } from '#http/responses';
import { removeProposedRound } from '#school-years/years';

export const handler = defineHandler('school-years-rounds-delete', async ({ path }) => {
  await removeProposedRound(path.schoolYear, path.id);
  return noContent();
});
