import { notFound } from '#kernel/errors';
import { statusOf } from '#students/rules';
import { getStudent } from '#students/store';
import { decisionsOnStudent, statusCountsOf } from './decisions-store';

/**
 * What the admin sees of one student's matching: where they stand, every service's current
 * decision, and `statusCounts`, how often services chose each status (choices, not holders).
 */
export async function adminStudentView(studentId: string) {
  const student = await getStudent(studentId);
  if (!student) throw notFound('Deze leerling bestaat niet.');
  const [decisions, counts] = await Promise.all([decisionsOnStudent(studentId), statusCountsOf([studentId])]);
  return {
    id: student.id,
    track: student.track,
    firstName: student.firstName,
    lastName: student.lastName,
    school: { id: student.schoolId, name: student.schoolName },
    province: student.province,
    status: statusOf(student),
    placement: student.placement
      ? {
          serviceId: student.placement.serviceId,
          serviceName: student.placement.serviceName,
          contact: student.placement.contact,
          notes: student.placement.notes,
          acceptedAt: student.placement.acceptedAt,
        }
      : null,
    stoppedAt: student.stoppedAt ?? null,
    statusCounts: counts.get(studentId),
    decisions: decisions.map((d) => ({
      serviceId: d.serviceId,
      serviceName: d.serviceName ?? null,
      status: d.status,
      decidedAt: d.decidedAt,
      invitedAt: d.invitedAt ?? null,
    })),
  };
}
