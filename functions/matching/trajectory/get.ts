import { StudentPath } from '#contract/students';
import { defineHandler } from '#http/handler';
import { ok } from '#http/responses';
import { trajectoryView } from '#trajectory/use-cases';

export const handler = defineHandler('trajectory-get', { path: StudentPath }, async ({ caller, path }) =>
  ok(await trajectoryView(caller, path.id, new Date())),
);
