import type * as z from '#kernel/zod';
import type { Track } from './organisations';
import type { Province } from './provinces';
import type { DecisionStatus } from './requests';
import type { FORMS, Placement, StudentInput, StudentStatus, TRANSPORT, WEEKDAYS } from './students';
import type { HoursSummary } from './trajectory';

/** `POST /api/students` and `PUT /api/students/{id}`: an internship request as the school enters it. */
export type StudentBody = z.input<typeof StudentInput>;

export type Transport = (typeof TRANSPORT)[number];
export type InternshipForm = (typeof FORMS)[number];
export type Weekday = (typeof WEEKDAYS)[number];

/** A requested internship period: two calendar dates (`2026-10-05`). */
export interface Period {
  start: string;
  end: string;
}

export type StudentSort = 'name' | '-name' | 'registered' | '-registered';

/** `GET /api/students?track=&status=&q=&sort=` (school). */
export interface StudentQuery {
  track?: Track;
  status?: StudentStatus;
  q?: string;
  sort?: StudentSort;
}

/** A school's student in its list (shared/students/views.ts): the national number masked. */
export interface StudentListItem {
  id: string;
  track: Track;
  firstName: string;
  lastName: string;
  nationalNumber: string;
  address: { street: string; postcode: string; city: string };
  province: Province;
  status: StudentStatus;
  registeredAt: string;
  visibleFrom: string;
  hiddenUntilBlackoutEnds: boolean;
  supervisorName: string | null;
  periods: Period[];
  placement: null | {
    serviceName: string;
    contact: Placement['contact'];
    /** Only the periods the service took on. */
    periods: Period[];
    notes: string;
    acceptedAt: string;
  };
  stoppedAt: string | null;
  /** After the match: hour sums and the care-assistant rule (shared/trajectory). */
  hours?: Omit<HoursSummary, 'planned'> | null;
}

export interface StudentList {
  items: StudentListItem[];
  total: number;
}

/** The stored request as the school entered it, with what the product adds to it. */
type StoredFields = Omit<
  z.output<typeof StudentInput>,
  'nationalNumber' | keyof StudentListItem | 'preferredServiceId'
> & { schoolId: string; schoolName: string; updatedAt: string };

/** `GET /api/students/{id}` and the answer to create and update: the whole request, number formatted. */
export interface StudentDetail extends StudentListItem, StoredFields {
  email: string;
  phone: string;
  remarks: string;
  transport: Transport[];
  internship: z.output<typeof StudentInput>['internship'];
  preferredServiceId: string | null;
  /** False once a service accepted the student or the student stopped. */
  editable: boolean;
  /** Dual: the services that invited the student to an interview, with each outcome so far. */
  invitations: {
    serviceId: string;
    serviceName: string;
    status: DecisionStatus;
    invitedAt: string;
    decidedAt: string;
  }[];
}

/** `POST /api/students/{id}/resume`: undoes "gestopt". */
export interface StudentResumed {
  id: string;
  status: 'open' | 'accepted';
  stoppedAt: null;
}

/** `POST /api/students/{id}/stop`. */
export interface StudentStopped {
  id: string;
  status: 'stopped';
  stoppedAt: string;
}
