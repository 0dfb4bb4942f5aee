import { passwordProblem } from '#contract/password-rule';
import { validationFailed } from '#kernel/errors';
import { isCommonPassword } from './common-passwords';

/** Refuses a weak password with a field error, so the form shows it under the password field. */
export function assertGoodPassword(password: string, email: string): void {
  const problem = passwordProblem(password, email, isCommonPassword);
  if (problem) throw validationFailed([{ path: 'password', in: 'body', message: problem }]);
}
