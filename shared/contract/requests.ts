import * as z from '#kernel/zod';
import { TRACKS } from './organisations';
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
