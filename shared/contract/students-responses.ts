import * as z from '#kernel/zod';
import { TRACKS } from './organisations';
import { PROVINCES } from './provinces';
import { DECISION_STATUSES } from './requests';
import {
  FORMS,
  Period,
  PlacementContact,
  PROGRAMMES,
  STUDENT_STATUSES,
  TRANSPORT,
  WEEKDAYS,
} from './students';
import { HoursSummary } from './trajectory';

/** What the school sees of the placement: only the periods the service took on. */
const SchoolPlacementView = z.object({
  serviceName: z.string(),
  contact: PlacementContact,
  periods: z.array(Period),
  notes: z.string(),
  acceptedAt: z.string(),
});

const address = z.object({ street: z.string(), postcode: z.string(), city: z.string() });

/** A school's student in its list (shared/students/views.ts): the national number masked. */
export const StudentListItem = z.object({
  id: z.string(),
  track: z.enum(TRACKS),
  firstName: z.string(),
  lastName: z.string(),
  nationalNumber: z.string(),
  address,
  province: z.enum(PROVINCES),
  status: z.enum(STUDENT_STATUSES),
  registeredAt: z.string(),
  visibleFrom: z.string(),
  hiddenUntilBlackoutEnds: z.boolean(),
  supervisorName: z.string().nullable(),
  periods: z.array(Period),
  placement: SchoolPlacementView.nullable(),
  stoppedAt: z.string().nullable(),
});

/** `GET /api/students?track=&status=&q=&sort=` (school), with the hour sums after the match. */
export const StudentList = z.object({
  items: z.array(
    StudentListItem.extend({
      /** After the match: hour sums and the care-assistant rule (shared/trajectory). */
      hours: HoursSummary.omit({ planned: true }).nullable(),
    }),
  ),
  total: z.number(),
});
export type StudentList = z.output<typeof StudentList>;
export type StudentListItem = StudentList['items'][number];

/** Dual: a service that invited the student to an interview, with its outcome so far. */
export const Invitation = z.object({
  serviceId: z.string(),
  serviceName: z.string(),
  status: z.enum(DECISION_STATUSES),
  invitedAt: z.string(),
  decidedAt: z.string(),
});

/** `GET /api/students/{id}` and the answer to create and update: the whole request, number formatted. */
export const StudentDetail = StudentListItem.extend({
  programme: z.enum(PROGRAMMES).optional(),
  email: z.string(),
  phone: z.string(),
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
  schoolId: z.string(),
  schoolName: z.string(),
  updatedAt: z.string(),
  /** False once a service accepted the student or the student stopped. */
  editable: z.boolean(),
  /** Dual: the services that invited the student to an interview, with each outcome so far. */
  invitations: z.array(Invitation),
  hours: HoursSummary,
  /**
   * When services first see the request (ISO instant; in the past once shown), or null when no
   * round of the year will show it (an adult window that closed, no window left).
   */
  shownFrom: z.string().nullable(),
  /** The round that first shows the student; for adult education the round of their window. */
  shownIn: z.string().nullable(),
  shownInName: z.string().nullable(),
  /**
   * Entered in the summer blackout: `applied` (held back until its date, the blackout names the
   * student's programme) or `exempt` (it names other programmes); null when entered outside it.
   */
  blackoutRule: z.enum(['applied', 'exempt']).nullable(),
}).meta({ id: 'StudentDetail' });
export type StudentDetail = z.output<typeof StudentDetail>;

/** `POST /api/students/{id}/resume`: undoes "gestopt". */
export const StudentResumed = z.object({
  id: z.string(),
  status: z.enum(['open', 'accepted']),
  stoppedAt: z.null(),
});

/** `POST /api/students/{id}/stop`. */
export const StudentStopped = z.object({
  id: z.string(),
  status: z.literal('stopped'),
  stoppedAt: z.string(),
});
