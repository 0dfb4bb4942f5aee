import * as z from '#kernel/zod';
import { TRACKS } from './organisations';
import { PROVINCES } from './provinces';
import { ReleaseRecord, ReleaseRequest, ReleaseRequestToAnswer } from './releases';
import { DECISION_STATUSES } from './requests';
import { Round } from './school-year';
import { FORMS, Period, TRANSPORT, WEEKDAYS } from './students';

export const ADMIN_STUDENT_STATUSES = ['open', 'accepted', 'stopped', 'hidden'] as const;
export type AdminStudentStatus = (typeof ADMIN_STUDENT_STATUSES)[number];

/** The sector's list of every student of every school. */
export const AdminStudentQuery = z.object({
  name: z.string().trim().max(100).optional(),
  school: z.string().trim().max(100).optional(),
  track: z.enum(TRACKS, 'Onbekende opleidingsvorm.').optional(),
  status: z.enum(ADMIN_STUDENT_STATUSES, 'Onbekende status.').optional(),
  province: z.enum(PROVINCES, 'Onbekende provincie.').optional(),
  cursor: z.string().max(400).optional(),
  limit: z.coerce.number().int().min(1).max(200).optional(),
});
export type AdminStudentQuery = z.output<typeof AdminStudentQuery>;

export const DashboardQuery = z.object({ track: z.enum(TRACKS, 'Onbekende opleidingsvorm.').optional() });

export const PlacementFigures = z.object({
  entered: z.number(),
  /** Waiting for a place: neither placed nor stopped. */
  open: z.number(),
  /** Open and visible to services now (not hidden by the summer blackout). */
  visible: z.number(),
  placed: z.number(),
  stopped: z.number(),
});
export type PlacementFigures = z.output<typeof PlacementFigures>;

/** `GET /api/admin/dashboard?track=`. */
export const Dashboard = z.object({
  track: z.string().nullable(),
  /** The provinces a regional team's dashboard covers; null for the whole sector. */
  region: z.array(z.enum(PROVINCES)).nullable(),
  totals: PlacementFigures,
  byProvince: z.record(z.string(), PlacementFigures),
  /** Students entered and placed per Brussels day, with the running totals of both. */
  daily: z.array(
    z.object({
      date: z.string(),
      placed: z.number(),
      cumulative: z.number(),
      entered: z.number(),
      enteredCumulative: z.number(),
    }),
  ),
  /**
   * The round boundaries to mark on the daily figures: the stored calendar's rounds of the shown
   * track(s), in time order, with their opening and close in Brussels wall-clock time
   * (`YYYY-MM-DDTHH:mm`; the first 10 characters are the day of `daily`).
   */
  rounds: z.array(
    Round.pick({
      id: true,
      name: true,
      track: true,
      programme: true,
      kind: true,
      opensAt: true,
      closesAt: true,
    }),
  ),
  nudges: z.object({
    /** Active services that neither logged in nor decided anything since `since`. */
    quietServices: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        province: z.string().nullable(),
        lastLoginAt: z.string().nullable(),
        lastDecisionAt: z.string().nullable(),
      }),
    ),
    /** Schools with students still without a place. */
    schoolsWithOpenStudents: z.array(z.object({ id: z.string(), name: z.string(), open: z.number() })),
    since: z.string(),
  }),
  /** The services' pending requests to release a placement: the sector's to-do, oldest first. */
  releaseRequests: z.array(ReleaseRequestToAnswer),
});
export type Dashboard = z.output<typeof Dashboard>;

/**
 * How often services CHOSE each status for a student (choices, not current holders; every status
 * of both workflows, 0 when never chosen): the student's counts item, see `StatusCounts`.
 */
const statusCounts = z.record(z.enum(DECISION_STATUSES), z.number());

/** A row of `GET /api/admin/students` (shared/admin/all-students.ts): no personal data at all. */
export const AdminStudentListItem = z.object({
  id: z.string(),
  track: z.enum(TRACKS),
  firstName: z.string(),
  lastName: z.string(),
  school: z.object({ id: z.string(), name: z.string() }),
  residence: z.object({ postcode: z.string(), city: z.string(), province: z.enum(PROVINCES) }),
  status: z.enum(ADMIN_STUDENT_STATUSES),
  registeredAt: z.string(),
  placement: z
    .object({
      serviceId: z.string(),
      serviceName: z.string(),
      periods: z.array(Period),
      acceptedAt: z.string(),
    })
    .nullable(),
  statusCounts,
});
export type AdminStudentListItem = z.output<typeof AdminStudentListItem>;

export const AdminStudentList = z.object({
  items: z.array(AdminStudentListItem),
  nextCursor: z.string().nullable(),
  total: z.number(),
});
export type AdminStudentList = z.output<typeof AdminStudentList>;

/** `GET /api/admin/students/{id}`: everything, the personal data masked. */
export const AdminStudentDetail = AdminStudentListItem.extend({
  address: z.object({ street: z.string(), postcode: z.string(), city: z.string() }),
  transport: z.array(z.enum(TRANSPORT)),
  remarks: z.string(),
  internship: z.object({
    supervisorId: z.string(),
    form: z.enum(FORMS),
    hoursPerWeek: z.number().optional(),
    totalHours: z.number(),
    periods: z.array(Period),
    weekdays: z.array(z.enum(WEEKDAYS)).optional(),
    remarks: z.string(),
  }),
  preferredServiceId: z.string().nullable(),
  visibleFrom: z.string(),
  stoppedAt: z.string().nullable(),
  supervisor: z.object({ name: z.string() }).nullable(),
  placementDetail: z.object({ contact: z.object({ name: z.string() }), notes: z.string() }).nullable(),
  personal: z.object({
    nationalNumber: z.string(),
    email: z.string(),
    phone: z.string(),
    masked: z.literal(true),
  }),
  /** Where every service that decided stands now, oldest decision first (`invitedAt`: first invitation). */
  decisions: z.array(
    z.object({
      serviceId: z.string(),
      serviceName: z.string().nullable(),
      status: z.enum(DECISION_STATUSES),
      decidedAt: z.string(),
      invitedAt: z.string().nullable(),
    }),
  ),
  /** Every decision of a service on the student, for the timeline. */
  history: z.array(
    z.object({
      at: z.string(),
      serviceId: z.string(),
      serviceName: z.string().nullable(),
      personId: z.string(),
      personName: z.string().nullable(),
      status: z.string(),
    }),
  ),
  /** Every placement the sector released, oldest first: who, when and why. */
  releases: z.array(ReleaseRecord),
  /** The accepting service's request to release the placement, if it made one. */
  releaseRequest: ReleaseRequest.nullable(),
});
export type AdminStudentDetail = z.output<typeof AdminStudentDetail>;

/** `POST /api/admin/students/{id}/reveal` (audited). */
export const RevealedPersonalData = z.object({
  nationalNumber: z.string(),
  email: z.string(),
  phone: z.string(),
});
export type RevealedPersonalData = z.output<typeof RevealedPersonalData>;

/** `POST /api/admin/dashboard/recount`: students counted per track. */
export const Recounted = z.object({ counted: z.record(z.string(), z.number()) });
