import * as z from '#kernel/zod';
import { MAIL_EVENT_KINDS } from './bounce-labels';
import { emailSchema } from './organisations';
import { MailFailureView } from './school-year';

export { Unreachable } from './unreachable';

/** One SES event for one address, as the admin's "mislukte mails" page lists it. */
export const MailEventView = z.object({
  id: z.string(),
  email: z.string(),
  kind: z.enum(MAIL_EVENT_KINDS),
  /** A permanent bounce or a complaint: the address is suppressed from then on. */
  permanent: z.boolean(),
  detail: z.string(),
  at: z.string(),
  /** Whose address it is, as far as the product knows it: a person, or a service's registration. */
  owner: z
    .object({
      kind: z.enum(['person', 'registration']),
      name: z.string(),
      organisationId: z.string().nullable(),
      organisationName: z.string().nullable(),
    })
    .nullable(),
  /** Still suppressed now (false once the address was corrected or confirmed). */
  suppressed: z.boolean(),
});
export type MailEventView = z.infer<typeof MailEventView>;

/** `GET /api/admin/mail-failures`: mails given up on, and what SES reported after sending. */
export const MailFailuresView = z.object({
  items: z.array(MailFailureView),
  events: z.array(MailEventView),
});
export type MailFailuresView = z.output<typeof MailFailuresView>;

/**
 * `PATCH /api/organisations/{id}/members/{memberId}`: the admin corrects a person's address. The
 * same address again means "it works again": its suppression is lifted.
 */
export const MemberEmailInput = z.object({ email: emailSchema });
export type MemberEmailInput = z.infer<typeof MemberEmailInput>;
