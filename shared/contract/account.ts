import * as z from '#kernel/zod';

/** "Mijn account": change the password, proving the current one. */
export const ChangePasswordInput = z.object({
  currentPassword: z.string('Vul je huidige wachtwoord in.').min(1, 'Vul je huidige wachtwoord in.').max(256),
  newPassword: z
    .string('Kies een nieuw wachtwoord.')
    .max(256, 'Het wachtwoord mag hoogstens 256 tekens lang zijn.'),
});
export type ChangePasswordInput = z.output<typeof ChangePasswordInput>;
