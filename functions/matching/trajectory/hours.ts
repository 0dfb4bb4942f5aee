import { StudentPath } from '#contract/students';
import { HoursInput } from '#contract/trajectory';
import { defineHandler } from '#http/handler';
import { created } from '#http/responses';
import { recordHours } from '#trajectory/use-cases';

export const handler = defineHandler(
  'trajectory-hours',
  { path: StudentPath, body: HoursInput },
  async ({ caller, path, body }) => created(await recordHours(caller, path.id, body, new Date())),
);
