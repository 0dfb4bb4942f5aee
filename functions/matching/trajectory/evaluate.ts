import { StudentPath } from '#contract/students';
import { EvaluationInput } from '#contract/trajectory';
import { defineHandler } from '#http/handler';
import { created } from '#http/responses';
import { evaluate } from '#trajectory/use-cases';

export const handler = defineHandler(
  'trajectory-evaluate',
  { path: StudentPath, body: EvaluationInput },
  async ({ caller, path, body }) => created(await evaluate(caller, path.id, body, new Date())),
);
