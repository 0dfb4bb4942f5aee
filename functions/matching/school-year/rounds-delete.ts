import { defineHandler } from '#http/handler';
import { noContent } from '#http/responses';
import { removeRound } from '#school-year/use-cases';

export const handler = defineHandler('rounds-delete', async ({ path }) => {
  await removeRound(path.id);
  return noContent();
});
