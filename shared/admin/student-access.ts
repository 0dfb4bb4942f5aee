import type { Caller } from '#http/caller';
import { assertInRegion, regionOf } from '#http/region';
import { notFound } from '#kernel/errors';
import type { StoredStudent } from '#students/rules';
import { getStudent } from '#students/store';

/**
 * The student an admin acts on (release, decline), read fresh; 404 when there is none. This is the
 * one place that decides whether this admin may act on this student: a narrower reach of an admin
 * (a regional team's provinces) is checked here, against `student.province`, and refused with 403.
 */
export async function studentForAdmin(caller: Caller, id: string): Promise<StoredStudent> {
  const student = await getStudent(id);
  if (!student) throw notFound('Deze leerling bestaat niet.');
  assertInRegion(regionOf(caller), student.province);
  return student;
}
