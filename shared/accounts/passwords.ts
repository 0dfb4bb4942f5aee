import { passwordProblem } from '#contract/password-rule';
import { loadStrengthEstimator } from '#contract/password-strength';
import { validationFailed } from '#kernel/errors';
import { isCommonPassword } from './common-passwords';

/**
 * Refuses a weak password with a field error, so the form shows it under the password field. Only
 * the handlers that set a password import this module, and with it the zxcvbn dictionaries.
 */
export async function assertGoodPassword(password: string, email: string, field = 'password'): Promise<void> {
  const problem = passwordProblem(password, email, await loadStrengthEstimator(), isCommonPassword);
  if (problem) throw validationFailed([{ path: field, in: 'body', message: problem }]);
}
