import { defineHandler } from '#http/handler';
import { created } from '#http/responses';
import { createProposedRound } from '#school-years/years';

/** A new round in a prepared year's calendar (checked like any round), with its warnings. */
export const handler = defineHandler('school-years-rounds-create', async ({ path, body }) =>
  created(await createProposedRound(path.schoolYear, body, new Date())),
);
