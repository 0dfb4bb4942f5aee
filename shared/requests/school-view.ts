import { decisionsOnStudent } from './decisions-store';

/**
 * The school's view of a dual student: every service that invited them to an interview, with
 * that service's outcome so far (`invited` while none was recorded). Oldest invitation first.
 */
export async function invitationsOf(studentId: string) {
  const decisions = await decisionsOnStudent(studentId);
  return decisions
    .filter((d) => d.invitedAt)
    .map((d) => ({
      serviceId: d.serviceId,
      serviceName: d.serviceName ?? '',
      status: d.status,
      invitedAt: d.invitedAt as string,
      decidedAt: d.decidedAt,
    }))
    .sort((a, b) => a.invitedAt.localeCompare(b.invitedAt));
}
