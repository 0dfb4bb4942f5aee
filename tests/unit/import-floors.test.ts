import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * The layering is held by the linter (biome.json `overrides` with noRestrictedImports). These
 * probes run the project's own Biome configuration on small files placed where a real file
 * would sit, and check what it refuses and what it lets through.
 */
const repo = resolve(import.meta.dirname, '../..');
const biome = join(repo, 'node_modules/.bin/biome');

const refused: [string, string][] = [
  ['shared/requests/rules.ts', "import { DynamoDBClient } from '@aws-sdk/client-dynamodb';"],
  ['shared/students/rules.ts', "import { getStudent } from '#students/store';"],
  ['shared/kernel/probe.ts', "import { getStudent } from '#students/store';"],
  ['shared/kernel/probe.ts', "import { keys } from '#platform/table/keys';"],
  ['shared/contract/probe.ts', "import { keys } from '#platform/table/keys';"],
  ['shared/contract/probe.ts', "import { readFileSync } from 'node:fs';"],
  ['shared/http/probe.ts', "import { getStudent } from '#students/store';"],
  ['shared/platform/probe.ts', "import { decide } from '#requests/decide';"],
  ['shared/students/probe.ts', "import { listRequests } from '../requests/list';"],
  ['web/src/probe.tsx', "import { keys } from '#platform/table/keys';"],
  ['web/src/features/probe.tsx', "import { getStudent } from '../../../shared/students/store';"],
  ['functions/matching/probe.ts', "import { startLocalStack } from '#local/stack';"],
  ['shared/students/probe.ts', "import { startLocalStack } from '../../local/stack';"],
];

const allowed: [string, string][] = [
  ['web/src/probe.tsx', "import { PROVINCES } from '#contract/provinces';"],
  ['shared/contract/probe.ts', "import * as z from '#kernel/zod';"],
  ['shared/requests/rules.ts', "import type { Organisation } from '#contract/organisations';"],
  ['shared/students/probe.ts', "import { getStudent } from './store';"],
  ['functions/matching/probe.ts', "import { listRequests } from '#requests/list';"],
  ['tests/probe.ts', "import { startLocalStack } from '#local/stack';"],
];

let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'floors-'));
  const config = JSON.parse(readFileSync(join(repo, 'biome.json'), 'utf8'));
  config.$schema = undefined;
  config.vcs = { enabled: false };
  writeFileSync(join(dir, 'biome.json'), JSON.stringify(config));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The noRestrictedImports messages Biome reports for one probe file. */
function restrictions(path: string, importLine: string): string[] {
  const file = join(dir, path);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${importLine}\nexport const probe = [${importLine.match(/\{ (\w+)/)?.[1]}];\n`);
  let out: string;
  try {
    out = execFileSync(biome, ['lint', '--reporter=json', path], {
      cwd: dir,
      encoding: 'utf8',
      stdio: 'pipe',
    });
  } catch (error) {
    out = (error as { stdout: string }).stdout;
  } finally {
    rmSync(file);
  }
  const report = JSON.parse(out) as { diagnostics: { category: string; message: string }[] };
  return report.diagnostics.filter((d) => d.category.endsWith('noRestrictedImports')).map((d) => d.message);
}

describe('import floors held by the linter', () => {
  it.each(refused)('refuses in %s: %s', (path, line) => {
    expect(restrictions(path, line)).not.toEqual([]);
  });
  it.each(allowed)('allows in %s: %s', (path, line) => {
    expect(restrictions(path, line)).toEqual([]);
  });
});
