import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type FunctionGroup, groupEntrySource } from '#http/function-groups';

/** Where the bundle entries of the API's functions are generated (gitignored, rewritten on synth). */
export const GROUP_ENTRIES_DIR = '.build/api-functions';

/**
 * Writes the bundle entry of every group (`<dir>/<group id>.ts`) from the route table and returns
 * each group's entry, relative to `repoRoot`. An unchanged file is left alone; a changed one is
 * replaced in one rename, so a synth and a bench running at once never read half a file.
 */
export function writeGroupEntries(groups: readonly FunctionGroup[], repoRoot: string): Map<string, string> {
  const dir = join(repoRoot, GROUP_ENTRIES_DIR);
  mkdirSync(dir, { recursive: true });
  const entries = new Map<string, string>();
  for (const group of groups) {
    const file = join(dir, `${group.id}.ts`);
    const source = groupEntrySource(group, file, repoRoot);
    if (readIfExists(file) !== source) {
      const temporary = `${file}.${process.pid}.tmp`;
      writeFileSync(temporary, source);
      renameSync(temporary, file);
    }
    entries.set(group.id, `${GROUP_ENTRIES_DIR}/${group.id}.ts`);
  }
  return entries;
}

function readIfExists(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}
