import { listStudentsOfSchool } from '../../../shared/data/students-repo';
import { supervisors } from '../../../shared/data/supervisors-repo';
import { fold } from '../../../shared/domain/text';
import { defineHandler } from '../../../shared/http/handler';
import { ok } from '../../../shared/http/responses';
import { studentListItem } from '../../../shared/schools/views';
import { studentQuery } from './schemas';

export const handler = defineHandler('students-list', { query: studentQuery }, async ({ caller, query }) => {
  const [students, ownSupervisors] = await Promise.all([
    listStudentsOfSchool(caller.organisationId),
    supervisors.list(caller.organisationId),
  ]);
  const bySupervisor = new Map(ownSupervisors.map((s) => [s.id, s]));
  const now = new Date();
  const q = query.q ? fold(query.q) : undefined;
  const items = students
    .map((s) => studentListItem(s, bySupervisor, now))
    .filter((s) => !query.track || s.track === query.track)
    .filter((s) => !query.status || s.status === query.status)
    .filter(
      (s) =>
        !q ||
        fold(`${s.firstName} ${s.lastName}`).includes(q) ||
        fold(`${s.lastName} ${s.firstName}`).includes(q),
    );
  const byName = (a: (typeof items)[number], b: (typeof items)[number]) =>
    `${a.lastName} ${a.firstName}`.localeCompare(`${b.lastName} ${b.firstName}`, 'nl-BE');
  const order = {
    name: byName,
    '-name': (a: (typeof items)[number], b: (typeof items)[number]) => byName(b, a),
    registered: (a: (typeof items)[number], b: (typeof items)[number]) =>
      a.registeredAt.localeCompare(b.registeredAt),
    '-registered': (a: (typeof items)[number], b: (typeof items)[number]) =>
      b.registeredAt.localeCompare(a.registeredAt),
  }[query.sort];
  return ok({ items: items.sort(order), total: items.length });
});
