import type {
  AdminStudentList,
  AdminStudentListItem,
  AdminStudentQuery,
  AdminStudentStatus,
} from '#contract/admin';
import type { StatusCounts } from '#contract/requests';
import { assertProvinceInRegion, type Region, withinRegion } from '#http/region';
import { fold } from '#kernel/text';
import { listOrganisations } from '#organisations/store';
import { readCursor, writeCursor } from '#platform/table/cursor';
import { statusCountsOf } from '#requests/decisions-store';
import type { StoredStudent } from '#students/rules';
import { sectorStatusOf } from '#students/rules';
import { listStudentsOfSchool } from '#students/store';

/** Open, placed, stopped, or open but still hidden by the summer blackout (the export's rule too). */
export const adminStatusOf = (s: StoredStudent, now: Date): AdminStudentStatus => sectorStatusOf(s, now);

/**
 * Every student of every school: one query per school on the school index, in parallel. An
 * admin page asks this a few times a minute at most; the dashboard never does (it reads counters).
 */
export async function everyStudent(): Promise<StoredStudent[]> {
  const schools = await listOrganisations('school');
  const parts = await Promise.all(schools.map((school) => listStudentsOfSchool(school.id)));
  return parts.flat();
}

/** The sector's list; a regional team's (`region`) holds only the students of its provinces. */
export async function listAllStudents(
  q: AdminStudentQuery,
  now: Date,
  region: Region,
): Promise<AdminStudentList> {
  assertProvinceInRegion(region, q.province);
  const name = q.name ? fold(q.name) : undefined;
  const school = q.school ? fold(q.school) : undefined;
  const matches = withinRegion(region, await everyStudent(), (s) => s.province)
    .filter((s) => !q.track || s.track === q.track)
    .filter((s) => !q.province || s.province === q.province)
    .filter((s) => !q.status || adminStatusOf(s, now) === q.status)
    .filter((s) => !school || fold(s.schoolName).includes(school) || s.schoolId === q.school)
    .filter(
      (s) =>
        !name ||
        fold(`${s.firstName} ${s.lastName}`).includes(name) ||
        fold(`${s.lastName} ${s.firstName}`).includes(name),
    )
    .sort(
      (a, b) =>
        fold(`${a.lastName} ${a.firstName}`).localeCompare(fold(`${b.lastName} ${b.firstName}`), 'nl-BE') ||
        a.id.localeCompare(b.id),
    );
  const cursor = readCursor(q.cursor);
  const offset = cursor.m === 'offset' ? cursor.o : 0;
  const size = q.limit ?? 50;
  const page = matches.slice(offset, offset + size);
  // How often services chose each status: the page's counts items, in one batch read.
  const counts = await statusCountsOf(page.map((s) => s.id));
  return {
    items: page.map((s) => adminListItem(s, now, counts.get(s.id)!)),
    nextCursor: offset + size < matches.length ? writeCursor({ m: 'offset', o: offset + size }) : null,
    total: matches.length,
  };
}

/**
 * A row of the sector's list: no personal data (number, e-mail, phone) at all. `statusCounts`:
 * how often services chose each status for the student (choices, not holders; see StatusCounts),
 * as counted in the decisions' own transactions on the student's counts item.
 */
export function adminListItem(s: StoredStudent, now: Date, statusCounts: StatusCounts): AdminStudentListItem {
  const placement = s.placement;
  return {
    id: s.id,
    track: s.track,
    firstName: s.firstName,
    lastName: s.lastName,
    school: { id: s.schoolId, name: s.schoolName },
    residence: { postcode: s.address.postcode, city: s.address.city, province: s.province },
    status: adminStatusOf(s, now),
    registeredAt: s.registeredAt,
    placement: placement
      ? {
          serviceId: placement.serviceId,
          serviceName: placement.serviceName,
          periods: placement.periods.flatMap((i) => s.internship.periods[i] ?? []),
          acceptedAt: placement.acceptedAt,
        }
      : null,
    statusCounts,
  };
}
