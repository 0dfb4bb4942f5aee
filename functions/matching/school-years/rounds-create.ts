import { RoundInput, SchoolYearPath } from '#contract/school-year';
import { defineHandler } from '#http/handler';
import { created } from '#http/responses';
import { createProposedRound } from '#school-years/years';

/** A new round in a prepared year's calendar (checked like any round), with its warnings. */
export const handler = defineHandler(
  'school-years-rounds-create',
  { path: SchoolYearPath, body: RoundInput },
  async ({ path, body }) => created(await createProposedRound(path.schoolYear, body, new Date())),
);
