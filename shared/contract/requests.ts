import { idText, optionalText } from '#kernel/text-fields';
import * as z from '#kernel/zod';
import { TRACKS, type Track } from './organisations';
import { PROVINCES } from './provinces';
import { PROGRAMMES, TRANSPORT } from './students';

/** Comma-separated lists in the query string, as the web app sends them: `transport=bike,car`. */
const list = <T extends readonly [string, ...string[]]>(values: T, message: string) =>
  z
    .string()
    .transform((s) => s.split(',').filter(Boolean))
    .pipe(z.array(z.enum(values, message)))
    .optional();

export const REQUEST_TABS = ['open', 'accepted'] as const;
export const REQUEST_SORTS = ['name', '-name', 'postcode', '-registered'] as const;

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
  cursor: z.string().max(400).optional(),
  limit: z.coerce.number().int().min(1).max(100).optional(),
});
export type RequestQuery = z.output<typeof RequestQuery>;

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
}

/** Invitations without an outcome for longer than this are a to-do for the service. */
export const OUTCOME_DUE_DAYS = 14;
