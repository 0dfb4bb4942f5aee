import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * The web's API client is typed by the contract's route table, so a changed answer breaks the
 * web's typecheck. The proof: a web-style consumer of the real client is typechecked (with the
 * web's compiler settings) against a copy of `shared/contract`, once as it is and once with an
 * answer schema changed the way a careless server change would.
 */
const repo = resolve(import.meta.dirname, '../..');
const tsc = join(repo, 'node_modules/typescript/bin/tsc');
let dir: string;

const consumer = `import { api } from '../../web/src/api/client';

/** Reads a field of a route's answer, as the web's pages do. */
export async function nameOf(id: string): Promise<string> {
  const student = await api('GET /api/students/{id}', { path: { id } });
  return \`\${student.firstName} \${student.lastName.toUpperCase()}\`;
}
`;

beforeAll(() => {
  dir = mkdtempSync(join(repo, 'tests/.contract-probe-'));
  writeFileSync(join(dir, 'consumer.ts'), consumer);
  writeFileSync(
    join(dir, 'tsconfig.json'),
    JSON.stringify({
      extends: '../../web/tsconfig.json',
      // The web's own imports of `#contract/…` resolve to the copy; everything else as usual.
      compilerOptions: { paths: { '#contract/*': ['./contract/*'] } },
      include: ['consumer.ts'],
    }),
  );
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Copies the contract, lets `change` edit one file, and returns tsc's complaints (empty when clean). */
function typecheck(change?: { file: string; from: string; to: string }): string {
  rmSync(join(dir, 'contract'), { recursive: true, force: true });
  cpSync(join(repo, 'shared/contract'), join(dir, 'contract'), { recursive: true });
  if (change) {
    const file = join(dir, 'contract', change.file);
    const text = readFileSync(file, 'utf8');
    expect(text).toContain(change.from);
    writeFileSync(file, text.replace(change.from, change.to));
  }
  try {
    execFileSync(process.execPath, [tsc, '-p', join(dir, 'tsconfig.json')], {
      encoding: 'utf8',
      stdio: 'pipe',
    });
    return '';
  } catch (error) {
    return (error as { stdout: string }).stdout;
  }
}

describe("the web's typecheck follows the contract's answers", () => {
  it('accepts a consumer that reads what the route answers', { timeout: 120_000 }, () => {
    expect(typecheck()).toBe('');
  });

  it('fails the consumer when the answer schema drops or renames a field it reads', {
    timeout: 120_000,
  }, () => {
    const errors = typecheck({
      file: 'students-responses.ts',
      from: '  firstName: z.string(),',
      to: '  givenName: z.string(),',
    });
    expect(errors).toMatch(/consumer\.ts\(\d+,\d+\): error TS2339: Property 'firstName' does not exist/);
  });

  it('fails the consumer when a field it reads changes type', { timeout: 120_000 }, () => {
    const errors = typecheck({
      file: 'students-responses.ts',
      from: '  lastName: z.string(),',
      to: '  lastName: z.array(z.string()),',
    });
    expect(errors).toMatch(/consumer\.ts\(\d+,\d+\): error TS/);
  });
});
