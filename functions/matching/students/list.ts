import { defineHandler } from '#http/handler';
import { ok } from '#http/responses';
import { fold } from '#kernel/text';
import { supervisors } from '#people/supervisors';
import { listStudentsOfSchool } from '#students/store';
import { studentListItem } from '#students/views';
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
