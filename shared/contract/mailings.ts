import * as z from '#kernel/zod';
import { MAILING_GROUPS } from './mailing-groups';
import { TRACKS } from './organisations';
import { PROVINCES } from './provinces';

/**
 * The admin's own mail to a group: all services (or those of one province), all schools (or those
 * offering one track). A preview unless `send`; `id` (chosen by the web app per draft) makes a
 * repeated send — a double click, a retry — the same mailing, sent once.
 */
export const MailingInput = z
  .object({
    id: z.uuid('Ongeldige verzending.').optional(),
    to: z.object({
      group: z.enum(MAILING_GROUPS, 'Kies diensten of scholen.'),
      province: z.enum(PROVINCES, 'Onbekende provincie.').optional(),
      track: z.enum(TRACKS, 'Onbekende opleidingsvorm.').optional(),
    }),
    subject: z
      .string('Vul het onderwerp in.')
      .trim()
      .min(1, 'Vul het onderwerp in.')
      .max(150, 'Maximaal 150 tekens.'),
    body: z
      .string('Schrijf de tekst van de mail.')
      .trim()
      .min(1, 'Schrijf de tekst van de mail.')
      .max(5000, 'Maximaal 5000 tekens.'),
    send: z.boolean().optional().default(false),
  })
  .superRefine((value, ctx) => {
    if (value.to?.group === 'schools' && value.to.province) {
      ctx.addIssue({
        code: 'custom',
        path: ['to', 'province'],
        message: 'Scholen kies je per opleidingsvorm, niet per provincie.',
      });
    }
    if (value.to?.group === 'services' && value.to.track) {
      ctx.addIssue({
        code: 'custom',
        path: ['to', 'track'],
        message: 'Diensten kies je per provincie, niet per opleidingsvorm.',
      });
    }
  });
export type MailingInput = z.output<typeof MailingInput>;

/** A preview: how many people, of how many organisations, would get the mail. */
export const MailingPreview = z.object({ recipients: z.number(), organisations: z.number() });
export type MailingPreview = z.output<typeof MailingPreview>;

/** Sent (202): the scheduler's next tick delivers it; a repeat with the same id is the same mailing. */
export const MailingQueued = z.object({ id: z.string(), recipients: z.number() });

export const MailingPath = z.object({ id: z.uuid('Onbekende mailing.') });

/** One address the mailing did not reach, and why (Dutch). */
export const MailingFailure = z.object({
  email: z.string(),
  organisationName: z.string(),
  /** `failed`: not sent (after its retries, or at once to a blocked address); `bounced`: sent, then reported back by SES. */
  kind: z.enum(['failed', 'bounced']),
  reason: z.string(),
  at: z.string(),
});
export type MailingFailure = z.infer<typeof MailingFailure>;

/**
 * `GET /api/admin/mailings/{id}`: how far the mailing is. `queued` mails wait for the scheduler's
 * next tick (or a retry), `sent` left through SES, `failed` were given up on; `bounced` of the sent
 * ones came back since (a bounce for good, or a spam report).
 */
export const MailingReport = z.object({
  id: z.string(),
  subject: z.string(),
  recipients: z.number(),
  queued: z.number(),
  sent: z.number(),
  failed: z.number(),
  bounced: z.number(),
  failures: z.array(MailingFailure),
});
export type MailingReport = z.infer<typeof MailingReport>;
