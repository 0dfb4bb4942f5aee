import { SchoolYearRoundPath } from '#contract/school-year';
import { defineHandler } from '#http/handler';
import { noContent } from '#http/responses';
import { removeProposedRound } from '#school-years/years';

export const handler = defineHandler(
  'school-years-rounds-delete',
  { path: SchoolYearRoundPath },
  async ({ path }) => {
    await removeProposedRound(path.schoolYear, path.id);
    return noContent();
  },
);
