import { supervisors } from '../../../shared/data/supervisors-repo';
import { defineHandler } from '../../../shared/http/handler';
import { ok } from '../../../shared/http/responses';

export const handler = defineHandler('supervisors-list', {}, async ({ caller }) => {
  return ok({ items: await supervisors.list(caller.organisationId) });
});
