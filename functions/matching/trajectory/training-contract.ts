import { StudentPath } from '#contract/students';
import { TrainingContractInput } from '#contract/trajectory';
import { defineHandler } from '#http/handler';
import { ok } from '#http/responses';
import { recordTrainingContract } from '#trajectory/use-cases';

export const handler = defineHandler(
  'trajectory-contract',
  { path: StudentPath, body: TrainingContractInput },
  async ({ caller, path, body }) => ok(await recordTrainingContract(caller, path.id, body, new Date())),
);
