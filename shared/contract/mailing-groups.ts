/** Who the admin's own mailing goes to; zod-free, so the web app can list the choices. */
export const MAILING_GROUPS = ['services', 'schools'] as const;
export type MailingGroup = (typeof MAILING_GROUPS)[number];
