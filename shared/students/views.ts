import { formatNationalNumber, maskNationalNumber } from '#contract/national-number';
import type { Supervisor } from '#people/supervisors';
import { type StoredStudent, statusOf } from './rules';

/**
 * What a school sees of its students. Lists carry the national register number masked; only the
 * student's own detail page shows it whole.
 */
export function studentListItem(student: StoredStudent, supervisors: Map<string, Supervisor>, now: Date) {
  const placement = student.placement;
  return {
    id: student.id,
    track: student.track,
    firstName: student.firstName,
    lastName: student.lastName,
    nationalNumber: maskNationalNumber(student.nationalNumberLast2),
    address: student.address,
    province: student.province,
    status: statusOf(student),
    registeredAt: student.registeredAt,
    visibleFrom: student.visibleFrom,
    hiddenUntilBlackoutEnds: new Date(student.visibleFrom) > now,
    supervisorName: supervisors.get(student.internship.supervisorId)?.name ?? null,
    periods: student.internship.periods,
    placement: placement
      ? {
          serviceName: placement.serviceName,
          contact: placement.contact,
          // Only the periods the service took on, not everything the school asked for.
          periods: placement.periods.map((i) => student.internship.periods[i]).filter((p) => p !== undefined),
          notes: placement.notes,
          acceptedAt: placement.acceptedAt,
        }
      : null,
    stoppedAt: student.stoppedAt ?? null,
  };
}

export function studentDetail(
  student: StoredStudent,
  nationalNumber: string,
  supervisors: Map<string, Supervisor>,
  now: Date,
) {
  const {
    nationalNumberEncrypted: _e,
    nationalNumberLast2: _l,
    nationalNumberHash: _h,
    version: _v,
    // The store keeps it beside the student for the open index; it is no part of the request.
    firstPeriodStart: _f,
    windowDate: _w,
    ...fields
  } = student as StoredStudent & { firstPeriodStart?: string };
  return {
    ...fields,
    ...studentListItem(student, supervisors, now),
    nationalNumber: formatNationalNumber(nationalNumber),
    email: student.email,
    phone: student.phone,
    remarks: student.remarks,
    internship: student.internship,
    preferredServiceId: student.preferredServiceId ?? null,
    editable: !student.placement && !student.stoppedAt,
  };
}
