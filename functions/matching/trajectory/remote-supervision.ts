import { StudentPath } from '#contract/students';
import { RemoteSupervisionInput } from '#contract/trajectory';
import { defineHandler } from '#http/handler';
import { ok } from '#http/responses';
import { changeRemoteSupervision } from '#trajectory/use-cases';

export const handler = defineHandler(
  'trajectory-remote',
  { path: StudentPath, body: RemoteSupervisionInput },
  async ({ caller, path, body }) => ok(await changeRemoteSupervision(caller, path.id, body.on, new Date())),
);
