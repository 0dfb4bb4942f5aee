import { listSupervisors } from '../../../shared/data/supervisors-repo';
import { defineHandler } from '../../../shared/http/handler';
import { ok } from '../../../shared/http/responses';

export const handler = defineHandler('supervisors-list', {}, async ({ caller }) => {
  const items = await listSupervisors(caller.organisationId);
  return ok({ items: items.sort((a, b) => a.name.localeCompare(b.name, 'nl-BE')) });
});
