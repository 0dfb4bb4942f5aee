import { emailSchema } from '#contract/organisations';
import { z } from '#kernel/validation';

export const SupervisorInput = z.object({
  name: z.string().trim().min(1, 'Vul de naam in.').max(120, 'Maximaal 120 tekens.'),
  phone: z
    .string()
    .trim()
    .refine((p) => /^\+?[\d\s./-]{9,20}$/.test(p), 'Vul een telefoonnummer in, bv. 050 12 34 56.'),
  email: emailSchema,
});
export const supervisorPath = z.object({ id: z.string().min(1).max(64) });
