import * as z from '#kernel/zod';
import { emailSchema } from './organisations';

/** "Mijn account": change the password, proving the current one. */
export const ChangePasswordInput = z.object({
  currentPassword: z.string('Vul je huidige wachtwoord in.').min(1, 'Vul je huidige wachtwoord in.').max(256),
  newPassword: z
    .string('Kies een nieuw wachtwoord.')
    .max(256, 'Het wachtwoord mag hoogstens 256 tekens lang zijn.'),
});
export type ChangePasswordInput = z.output<typeof ChangePasswordInput>;

export const LoginInput = z.object({
  email: emailSchema,
  password: z.string().min(1, 'Vul je wachtwoord in.').max(256),
});

/** Activation and password reset: the one-time token from the mail and the chosen password. */
export const TokenPasswordInput = z.object({ token: z.string().min(1).max(200), password: z.string() });

/** Forgot password and resend activation. */
export const EmailInput = z.object({ email: emailSchema });
