import type * as z from '#kernel/zod';
import type { Track } from './organisations';
import type { Province } from './provinces';
import type { DecisionInput, DecisionStatus } from './requests';
import type { Placement, Programme } from './students';
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

/** A student as a service sees it in its list (shared/requests/use-cases.ts): no personal data. */
export interface RequestListItem {
  id: string;
  track: Track;
  /** Secondary students: 7th year or 3rd grade; null otherwise. */
  programme: Programme | null;
  firstName: string;
  lastName: string;
  school: { id: string; name: string };
  /** Postcode and town only: the street is personal data (`RequestDetail.personal`). */
  residence: { postcode: string; city: string; province: Province };
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
  /** The statuses this service may choose now (the transition rule): exactly what the control offers. */
  choices: DecisionStatus[];
  /** Dual: invited more than 14 days ago and still no outcome recorded. */
  todo: boolean;
  /** In the accepted tab: what this service agreed. Null in the open tab. */
  placement: AcceptedPlacement | null;
}

/** The accepted periods (not all that were asked), the mentor (contact person) and the notes. */
export interface AcceptedPlacement {
  periods: Period[];
  contact: { name: string; phone: string; email: string };
  notes: string;
  acceptedAt: string;
}

export interface RequestPage {
  items: RequestListItem[];
  nextCursor: string | null;
  total: number;
  /** The counter bar: how many of this service's students in the track hold each status now. */
  statusCounts: Partial<Record<DecisionStatus, number>>;
  /** Invitations in this track still waiting for their outcome after 14 days. */
  todos: number;
}

/**
 * `GET /api/requests/{studentId}` and the answer to a decision: personal data and the placement
 * only once this service accepted the student.
 */
export interface RequestDetail extends Omit<RequestListItem, 'placement'> {
  /** Dual: when this service first invited the student (personal data from then on). */
  invitedAt: string | null;
  remarks: string;
  internshipRemarks: string;
  weekdays: Weekday[];
  personal: null | {
    nationalNumber: string;
    email: string;
    phone: string;
    /** Street and house number. */
    street: string;
    supervisor: { name: string; email: string; phone: string } | null;
  };
  placement: Placement | null;
}
