import type { StudentListQuery } from '#contract/students';
import { fold } from '#kernel/text';
import { supervisors } from '#people/supervisors';
import { listStudentsOfSchool } from './store';
import { studentListItem } from './views';

type Item = ReturnType<typeof studentListItem>;

const byName = (a: Item, b: Item) =>
  `${a.lastName} ${a.firstName}`.localeCompare(`${b.lastName} ${b.firstName}`, 'nl-BE');

const ORDER: Record<StudentListQuery['sort'], (a: Item, b: Item) => number> = {
  name: byName,
  '-name': (a, b) => byName(b, a),
  registered: (a, b) => a.registeredAt.localeCompare(b.registeredAt),
  '-registered': (a, b) => b.registeredAt.localeCompare(a.registeredAt),
};

/**
 * A school's own students, filtered and sorted as its list asks, each beside the stored student it
 * shows (an export adds the personal data the list leaves out).
 */
export async function schoolStudentRows(schoolId: string, query: StudentListQuery, now: Date) {
  const [students, ownSupervisors] = await Promise.all([
    listStudentsOfSchool(schoolId),
    supervisors.list(schoolId),
  ]);
  const bySupervisor = new Map(ownSupervisors.map((s) => [s.id, s]));
  const q = query.q ? fold(query.q) : undefined;
  return students
    .map((student) => ({ student, item: studentListItem(student, bySupervisor, now) }))
    .filter(({ item: s }) => !query.track || s.track === query.track)
    .filter(({ item: s }) => !query.status || s.status === query.status)
    .filter(
      ({ item: s }) =>
        !q ||
        fold(`${s.firstName} ${s.lastName}`).includes(q) ||
        fold(`${s.lastName} ${s.firstName}`).includes(q),
    )
    .sort((a, b) => ORDER[query.sort](a.item, b.item));
}

/** A school's own students, filtered and sorted as its list asks. */
export async function listSchoolStudents(schoolId: string, query: StudentListQuery, now: Date) {
  const items = (await schoolStudentRows(schoolId, query, now)).map((r) => r.item);
  return { items, total: items.length };
}
