import * as z from '#kernel/zod';

/** `GET /api/help`: how people reach the sector's helpline; settings of the deployment. */
export const Helpline = z
  .object({
    email: z.string(),
    phone: z.string(),
    /** When it answers, in words ("werkdagen behalve woensdag, 9.30–12.00 en 13.00–15.00"). */
    hours: z.string(),
  })
  .meta({ id: 'Helpline' });
export type Helpline = z.output<typeof Helpline>;
