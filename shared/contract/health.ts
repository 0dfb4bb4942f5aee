import * as z from '#kernel/zod';

/**
 * `GET /api/admin/health`: whether the machinery behind the product runs, for the admin's
 * dashboard. Read from the table itself (the same facts the metrics count), so it needs no
 * CloudWatch access.
 */
export const AdminHealth = z.object({
  checkedAt: z.string(),
  /** When the round mailings tick last ran (every minute when all is well), or null: never. */
  scheduler: z.object({ lastTickAt: z.string().nullable() }),
  /** Mails waiting in the outbox, and since when the oldest waits. */
  outbox: z.object({ pending: z.number(), oldestAt: z.string().nullable() }),
  /** The last 24 hours: mails given up on, and SES's bounces and spam reports. */
  mails24h: z.object({ failed: z.number(), bounced: z.number(), complained: z.number() }),
  exports: z.object({ running: z.number() }),
  imports: z.object({ running: z.number(), interrupted: z.number() }),
});
export type AdminHealth = z.infer<typeof AdminHealth>;
