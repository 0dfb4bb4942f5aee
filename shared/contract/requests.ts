import { idText, optionalText } from '#kernel/text-fields';
import * as z from '#kernel/zod';
import { TRACKS, type Track } from './organisations';
import { PROVINCES } from './provinces';
import { ReleaseRequest } from './releases';
import { FORMS, Period, Placement, PlacementContact, PROGRAMMES, TRANSPORT, WEEKDAYS } from './students';
import { HoursSummary } from './trajectory';

/** Comma-separated lists in the query string, as the web app sends them: `transport=bike,car`. */
const list = <T extends readonly [string, ...string[]]>(values: T, message: string) =>
  z
    .string()
    .transform((s) => s.split(',').filter(Boolean))
    .pipe(z.array(z.enum(values, message)))
    .optional();

export const REQUEST_TABS = ['open', 'accepted'] as const;
export const REQUEST_SORTS = ['name', '-name', 'postcode', '-registered', 'distance'] as const;
/** "Binnen … km": the distances the filter offers. */
export const WITHIN_KM = [10, 25, 50] as const;

/** A service's list of requests: which track and tab, its filters, its order and the page. */
export const RequestQuery = z.object({
  track: z.enum(TRACKS, 'Kies de opleidingsvorm.'),
  tab: z.enum(REQUEST_TABS).optional().default('open'),
  /** Secondary only: 7th year or 3rd grade. */
  programme: z.enum(PROGRAMMES, 'Onbekend programma.').optional(),
  name: z.string().trim().max(100).optional(),
  province: list(PROVINCES, 'Onbekende provincie.'),
  school: z.string().trim().max(100).optional(),
  postcode: z
    .string()
    .trim()
    .regex(/^\d{2,4}$/, 'Geef een postcode of de eerste twee cijfers ervan.')
    .optional(),
  transport: list(TRANSPORT, 'Onbekend vervoersmiddel.'),
  sort: z.enum(REQUEST_SORTS).optional(),
  /** Only students who live at most this far from the service (postcode to postcode). */
  withinKm: z.coerce
    .number('Kies 10, 25 of 50 km.')
    .refine((km) => (WITHIN_KM as readonly number[]).includes(km), 'Kies 10, 25 of 50 km.')
    .optional(),
  cursor: z.string().max(400).optional(),
  limit: z.coerce.number().int().min(1).max(100).optional(),
});
export type RequestQuery = z.output<typeof RequestQuery>;
export type RequestTab = (typeof REQUEST_TABS)[number];
export type RequestSort = (typeof REQUEST_SORTS)[number];

/**
 * Accept workflow (secondary, adult). `undecided` and `not_accepted` may be held by many services
 * and changed back and forth; `accepted` is exclusive and final.
 */
export const ACCEPT_STATUSES = ['undecided', 'not_accepted', 'accepted'] as const;

/**
 * Invite workflow (dual). At first `undecided`, `invited` or `not_invited`; after this service
 * invited the student also `accepted`, `not_accepted` (not retained after the interview) and
 * `no_show` (did not turn up, or stopped). `accepted` is exclusive and final as above.
 */
export const INVITE_STATUSES = [
  'undecided',
  'invited',
  'not_invited',
  'accepted',
  'not_accepted',
  'no_show',
] as const;

/** Every status of both workflows, in the order counts and export columns show them. */
export const DECISION_STATUSES = [
  'undecided',
  'invited',
  'not_invited',
  'accepted',
  'not_accepted',
  'no_show',
] as const;
export type DecisionStatus = (typeof DECISION_STATUSES)[number];

/** The statuses a service can choose for a student of this track. */
export const statusesOf = (track: Track): readonly DecisionStatus[] =>
  track === 'dual' ? INVITE_STATUSES : ACCEPT_STATUSES;

/**
 * Per student: how often services CHOSE each status (every status of both workflows). These count
 * choices, not current holders: a service that changes from `invited` to `not_accepted` adds one
 * to `not_accepted` and leaves `invited` as it was, so the admin sees how often each status was
 * chosen. Choosing the status a service already holds is no new choice and counts nothing; the
 * default `undecided` counts only when a service chooses it explicitly after another status.
 * Statuses never chosen are 0.
 */
export type StatusCounts = Record<DecisionStatus, number>;

export const DecisionInput = z.discriminatedUnion(
  'status',
  [
    z.object({ status: z.literal('undecided') }),
    z.object({ status: z.literal('not_accepted') }),
    z.object({ status: z.literal('invited') }),
    z.object({ status: z.literal('not_invited') }),
    z.object({ status: z.literal('no_show') }),
    z.object({
      status: z.literal('accepted'),
      contactId: idText('Kies een contactpersoon.'),
      /** Required in the accept workflow; in the invite workflow the whole request is taken on. */
      periods: z
        .array(z.number().int().min(0).max(3), 'Kies de periode(s).')
        .min(1, 'Kies minstens één periode.')
        .max(4)
        .transform((p) => [...new Set(p)].sort())
        .optional(),
      notes: optionalText(1000),
    }),
  ],
  { error: 'Kies een geldige status.' },
);
export type DecisionInput = z.infer<typeof DecisionInput>;

export interface Decision {
  studentId: string;
  serviceId: string;
  status: DecisionStatus;
  decidedAt: string;
  decidedBy: string;
  /** The student's track: the service's counter bar counts per track. */
  track?: Track;
  /** Shown to the school ("which services invited them"). */
  serviceName?: string;
}

/** A service's decision as stored: `invitedAt` is set on the first invitation and never removed. */
export interface StoredDecision extends Decision {
  invitedAt?: string;
  /** The sector released this service's placement of the student: no personal data from then on. */
  releasedAt?: string;
}

/** Invitations without an outcome for longer than this are a to-do for the service. */
export const OUTCOME_DUE_DAYS = 14;

/** In the accepted tab: the periods this service accepted (not all that were asked), its mentor, its notes. */
export const AcceptedPlacement = z.object({
  periods: z.array(Period),
  contact: PlacementContact,
  notes: z.string(),
  acceptedAt: z.string(),
});
export type AcceptedPlacement = z.output<typeof AcceptedPlacement>;

/** A student as a service sees it in its list (shared/requests/views.ts): no personal data. */
const RequestFields = z.object({
  id: z.string(),
  track: z.enum(TRACKS),
  /** Secondary students: 7th year or 3rd grade; null otherwise. */
  programme: z.enum(PROGRAMMES).nullable(),
  firstName: z.string(),
  lastName: z.string(),
  school: z.object({ id: z.string(), name: z.string() }),
  /** Postcode and town only: the street is personal data (`RequestDetail.personal`). */
  residence: z.object({
    postcode: z.string(),
    city: z.string(),
    province: z.enum(PROVINCES),
  }),
  periods: z.array(Period),
  periodCount: z.number(),
  transport: z.array(z.enum(TRANSPORT)),
  form: z.enum(FORMS),
  hoursPerWeek: z.number().nullable(),
  totalHours: z.number(),
  supervisorName: z.string().nullable(),
  registeredAt: z.string(),
  /** This service's decision on the student. */
  status: z.enum(DECISION_STATUSES),
  stopped: z.boolean(),
  /** The statuses this service may choose now (the transition rule): exactly what the control offers. */
  choices: z.array(z.enum(DECISION_STATUSES)),
  /** Dual: invited more than 14 days ago and still no outcome recorded. */
  todo: z.boolean(),
});

export const RequestListItem = RequestFields.extend({
  /** In the accepted tab: what this service agreed. Null in the open tab. */
  placement: AcceptedPlacement.nullable(),
  /**
   * From the service's postcode to the student's residence, as the crow flies between the two
   * postcodes' points, in whole kilometres ("ca."); null when either postcode is not in the table.
   */
  distanceKm: z.number().nullable(),
});
export type RequestListItem = z.output<typeof RequestListItem>;

/** `GET /api/requests`: a page of a service's list, with the track's counter bar. */
export const RequestPage = z.object({
  items: z.array(RequestListItem),
  nextCursor: z.string().nullable(),
  total: z.number(),
  /** The counter bar: how many of this service's students in the track hold each status now. */
  statusCounts: z.partialRecord(z.enum(DECISION_STATUSES), z.number()),
  /** Invitations in this track still waiting for their outcome after 14 days. */
  todos: z.number(),
});
export type RequestPage = z.output<typeof RequestPage>;

/**
 * `GET /api/requests/{studentId}` and the answer to a decision: personal data, the placement and
 * the hours only once this service may see them (invited or accepted).
 */
export const RequestDetail = RequestFields.extend({
  /** Dual: when this service first invited the student (personal data from then on). */
  invitedAt: z.string().nullable(),
  remarks: z.string(),
  internshipRemarks: z.string(),
  weekdays: z.array(z.enum(WEEKDAYS)),
  personal: z
    .object({
      nationalNumber: z.string(),
      email: z.string(),
      phone: z.string(),
      /** The street and number, once the service accepted or invited the student. */
      street: z.string(),
      supervisor: PlacementContact.nullable(),
    })
    .nullable(),
  placement: Placement.nullable(),
  /** After the match, for the service that placed the student; absent before personal data shows. */
  hours: HoursSummary.nullable().optional(),
  /** The accepting service's request to release the placement, and the sector's answer. */
  releaseRequest: ReleaseRequest.nullable().optional(),
}).meta({ id: 'RequestDetail' });
export type RequestDetail = z.output<typeof RequestDetail>;

export const RequestPath = z.object({ studentId: z.string().min(1).max(64) });
