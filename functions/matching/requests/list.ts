import { TRACKS } from '#contract/organisations';
import { PROVINCES } from '#contract/provinces';
import { TRANSPORT } from '#contract/students';
import { defineHandler } from '#http/handler';
import { ok } from '#http/responses';
import { z } from '#kernel/validation';
import { listRequests } from '#placements/use-cases';

/** Comma-separated lists in the query string, as the web app sends them: `transport=bike,car`. */
const list = <T extends readonly [string, ...string[]]>(values: T, message: string) =>
  z
    .string()
    .transform((s) => s.split(',').filter(Boolean))
    .pipe(z.array(z.enum(values, message)))
    .optional();

const query = z.object({
  track: z.enum(TRACKS, 'Kies de opleidingsvorm.'),
  tab: z.enum(['open', 'accepted']).optional().default('open'),
  name: z.string().trim().max(100).optional(),
  province: list(PROVINCES, 'Onbekende provincie.'),
  school: z.string().trim().max(100).optional(),
  postcode: z
    .string()
    .trim()
    .regex(/^\d{2,4}$/, 'Geef een postcode of de eerste twee cijfers ervan.')
    .optional(),
  transport: list(TRANSPORT, 'Onbekend vervoersmiddel.'),
  sort: z.enum(['name', '-name', 'postcode', '-registered']).optional(),
  cursor: z.string().max(400).optional(),
  limit: z.coerce.number().int().min(1).max(100).optional(),
});

export const handler = defineHandler('requests-list', { query }, async ({ caller, query }) =>
  ok(await listRequests(caller, query, new Date())),
);
