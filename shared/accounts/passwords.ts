import { isCommonPassword } from '../auth/common-passwords';
import { passwordProblem } from '../domain/password-rule';
import { validationFailed } from '../http/errors';

/** Refuses a weak password with a field error, so the form shows it under the password field. */
export function assertGoodPassword(password: string, email: string): void {
  const problem = passwordProblem(password, email, isCommonPassword);
  if (problem) throw validationFailed([{ path: 'password', in: 'body', message: problem }]);
}
