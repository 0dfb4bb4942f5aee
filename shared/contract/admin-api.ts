import type * as z from '#kernel/zod';
import type { AdminStudentStatus } from './admin';
import type { AuditEntry } from './audit';
import type { Track } from './organisations';
import type { Province } from './provinces';
import type { DecisionStatus, StatusCounts } from './requests';
import type { StudentInput } from './students';
import type { Period, Transport } from './students-api';

/** A row of `GET /api/admin/students` (shared/admin/all-students.ts): no personal data at all. */
export interface AdminStudentListItem {
  id: string;
  track: Track;
  firstName: string;
  lastName: string;
  school: { id: string; name: string };
  residence: { postcode: string; city: string; province: Province };
  status: AdminStudentStatus;
  registeredAt: string;
  placement: null | {
    serviceId: string;
    serviceName: string;
    periods: Period[];
    acceptedAt: string;
  };
  /**
   * How often services CHOSE each status for this student (choices, not current holders; every
   * status of both workflows, 0 when never chosen): the student's counts item, see StatusCounts.
   */
  statusCounts: StatusCounts;
}

export interface AdminStudentList {
  items: AdminStudentListItem[];
  nextCursor: string | null;
  total: number;
}

/** One decision of a service on the student, for the timeline. */
export interface AdminHistoryEntry {
  at: string;
  serviceId: string;
  serviceName: string | null;
  personId: string;
  personName: string | null;
  status: string;
}

/** `GET /api/admin/students/{id}`: everything, the personal data masked. */
export interface AdminStudentDetail extends AdminStudentListItem {
  address: { street: string; postcode: string; city: string };
  transport: Transport[];
  remarks: string;
  internship: z.output<typeof StudentInput>['internship'];
  preferredServiceId: string | null;
  visibleFrom: string;
  stoppedAt: string | null;
  supervisor: { name: string } | null;
  placementDetail: { contact: { name: string }; notes: string } | null;
  personal: { nationalNumber: string; email: string; phone: string; masked: true };
  /** Where every service that decided stands now, oldest decision first. */
  decisions: AdminStudentDecision[];
  history: AdminHistoryEntry[];
}

/** A service's current decision on the student (`invitedAt`: when it first invited a dual student). */
export interface AdminStudentDecision {
  serviceId: string;
  serviceName: string | null;
  status: DecisionStatus;
  decidedAt: string;
  invitedAt: string | null;
}

/** `POST /api/admin/students/{id}/reveal` (audited). */
export interface RevealedPersonalData {
  nationalNumber: string;
  email: string;
  phone: string;
}

/** `GET /api/admin/audit`, newest first. */
export interface AuditPage {
  items: AuditEntry[];
  nextCursor: string | null;
}

/** `POST /api/admin/dashboard/recount`. */
export interface Recounted {
  /** Students counted per track. */
  counted: Record<string, number>;
}
