import { requiredText } from '#kernel/text-fields';
import * as z from '#kernel/zod';
import { emailSchema } from './organisations';

/** A school's supervisor or a service's contact person: a name with the contact data others need. */
export const LinkedPersonInput = z.object({
  name: requiredText(120, 'Vul de naam in.'),
  phone: z
    .string()
    .max(40, { message: 'Vul een telefoonnummer in, bv. 050 12 34 56.', abort: true })
    .trim()
    .refine((p) => /^\+?[\d\s./-]{9,20}$/.test(p), 'Vul een telefoonnummer in, bv. 050 12 34 56.'),
  email: emailSchema,
});
export type LinkedPersonInput = z.output<typeof LinkedPersonInput>;
export const LinkedPersonPath = z.object({ id: z.string().min(1).max(64) });
