import type { z } from '#kernel/validation';
import type { DecisionInput, DecisionStatus } from './decisions';
import type { Track } from './organisations';
import type { Province } from './provinces';
import type { Placement } from './students';
import type { InternshipForm, Period, Transport, Weekday } from './students-api';

/** `PUT /api/requests/{studentId}/decision`. */
export type DecisionBody = z.input<typeof DecisionInput>;

export type RequestTab = 'open' | 'accepted';
export type RequestSort = 'name' | '-name' | 'postcode' | '-registered';

/**
 * `GET /api/requests`: a service's list. Comma-separated lists for province and transport;
 * `cursor` from the previous page's `nextCursor`.
 */
export interface RequestQuery {
  track: Track;
  tab?: RequestTab;
  name?: string;
  province?: string;
  school?: string;
  postcode?: string;
  transport?: string;
  sort?: RequestSort;
  cursor?: string;
  limit?: number;
}

/** A student as a service sees it in its list (shared/placements/use-cases.ts): no personal data. */
export interface RequestListItem {
  id: string;
  track: Track;
  firstName: string;
  lastName: string;
  school: { id: string; name: string };
  residence: { street: string; postcode: string; city: string; province: Province };
  periods: Period[];
  periodCount: number;
  transport: Transport[];
  form: InternshipForm;
  hoursPerWeek: number | null;
  totalHours: number;
  supervisorName: string | null;
  registeredAt: string;
  /** This service's decision on the student. */
  status: DecisionStatus;
  stopped: boolean;
}

export interface RequestPage {
  items: RequestListItem[];
  nextCursor: string | null;
  total: number;
}

/**
 * `GET /api/requests/{studentId}` and the answer to a decision: personal data and the placement
 * only once this service accepted the student.
 */
export interface RequestDetail extends RequestListItem {
  remarks: string;
  internshipRemarks: string;
  weekdays: Weekday[];
  personal: null | {
    nationalNumber: string;
    email: string;
    phone: string;
    supervisor: { name: string; email: string; phone: string } | null;
  };
  placement: Placement | null;
}
