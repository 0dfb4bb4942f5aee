import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * Every key of the single table is spelt in shared/platform/table/keys.ts, and nowhere else in
 * shared/: stores, use cases and migrations build partitions and sort-key prefixes through `keys`.
 * This reads every string and template literal of shared/** and refuses two things outside keys.ts:
 * a literal that starts like a key (`'AUDIT#'`, `` `MEMBERS#${id}` ``), and a literal that is one
 * of the bare key values keys.ts spells (`'STUDENT'`, `'META'`, `'ORG'` …).
 */
const repo = resolve(import.meta.dirname, '../..');
const KEYS_FILE = 'shared/platform/table/keys.ts';
const KEY_PREFIX = /^[A-Z][A-Z0-9_]*#/;
const BARE_KEY = /^[A-Z][A-Z0-9_]{2,}$/;

/**
 * The placement counters' row names (`P#<province>`, `S#<school>`, `D#<day>`) are the statistics'
 * own vocabulary, kept in one place beside the pure rules that compute them (rules cannot import
 * keys.ts); `keys.counter` puts them into the sort key.
 */
const OWN_VOCABULARY: Record<string, RegExp> = {
  'shared/statistics/rules.ts': /^[PSD]#$/,
};

/** The text of every string literal and of every template's leading part in one file. */
function literals(source: string, path: string): { text: string; line: number }[] {
  const file = ts.createSourceFile(path, source, ts.ScriptTarget.Latest, true);
  const out: { text: string; line: number }[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateHead(node)) {
      // Import specifiers are module names, not values.
      if (!(ts.isStringLiteral(node) && ts.isImportDeclaration(node.parent))) {
        out.push({ text: node.text, line: file.getLineAndCharacterOfPosition(node.getStart()).line + 1 });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return out;
}

/** The whole-literal values keys.ts spells: sort keys and partitions such as 'STUDENT' or 'CALENDAR'. */
function bareKeys(): Set<string> {
  const text = readFileSync(join(repo, KEYS_FILE), 'utf8');
  return new Set(
    literals(text, KEYS_FILE)
      .map((l) => l.text)
      .filter((t) => BARE_KEY.test(t)),
  );
}

function tsFiles(root: string, dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return tsFiles(root, path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** `file:line 'literal'` for every key spelt outside keys.ts under `root/shared`. */
function keyLiterals(root: string, bare: Set<string>): string[] {
  return tsFiles(root, 'shared')
    .filter((path) => path !== KEYS_FILE)
    .flatMap((path) =>
      literals(readFileSync(join(root, path), 'utf8'), path)
        .filter(({ text }) => {
          const prefix = text.match(KEY_PREFIX)?.[0];
          if (prefix) return !OWN_VOCABULARY[path]?.test(prefix);
          return bare.has(text);
        })
        .map(({ text, line }) => `${path}:${line} '${text}'`),
    );
}

describe('table keys live in keys.ts', () => {
  const bare = bareKeys();

  it('knows the bare key values keys.ts spells', () => {
    expect([...bare]).toEqual(expect.arrayContaining(['STUDENT', 'ORG', 'CALENDAR', 'META', 'TRAJECTORY']));
  });

  it('finds no key spelt outside keys.ts in shared/', () => {
    expect(keyLiterals(repo, bare)).toEqual([]);
  });

  describe('probes', () => {
    let dir: string;
    beforeAll(() => {
      dir = mkdtempSync(join(tmpdir(), 'keys-'));
    });
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    /** Writes one probe file (its templates' `@{…}` become `${…}`) and reads the tree it is in. */
    const probe = (path: string, source: string) => {
      rmSync(join(dir, 'shared'), { recursive: true, force: true });
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), source.replaceAll('@{', '${'));
      return keyLiterals(dir, bare);
    };

    it.each([
      ['a prefix in a string', "const q = { ':pk': 'TAKEOVERS#OPEN' };", "'TAKEOVERS#OPEN'"],
      ['a prefix in a template', 'const pk = (id: string) => `MEMBERS#@{id}`;', "'MEMBERS#'"],
      ['a sort-key prefix', "const q = { ':sk': 'HOURS#' };", "'HOURS#'"],
      ['a bare sort key', "const q = { ':sk': 'STUDENT' };", "'STUDENT'"],
      ['a counter row name outside statistics', 'const row = (p: string) => `P#@{p}`;', "'P#'"],
    ])('refuses %s', (_what, source, literal) => {
      expect(probe('shared/requests/probe.ts', source)).toEqual([`shared/requests/probe.ts:1 ${literal}`]);
    });

    it.each([
      [
        'keys.ts itself',
        KEYS_FILE,
        "export const keys = { job: (n: string) => ({ pk: `JOB#@{n}`, sk: 'JOB' }) };",
      ],
      [
        'a query through keys',
        'shared/requests/probe.ts',
        "const q = { ':pk': keys.openTakeoverPartition };",
      ],
      ['an id joined by #', 'shared/requests/probe.ts', 'const id = (a: string, b: string) => `@{a}#@{b}`;'],
      ['a URL fragment', 'shared/requests/probe.ts', 'const url = (t: string) => `/activeren#token=@{t}`;'],
      ['an environment variable', 'shared/requests/probe.ts', "const name = 'TABLE_NAME';"],
      [
        'a counter row name in statistics',
        'shared/statistics/rules.ts',
        'const row = (p: string) => `P#@{p}`;',
      ],
    ])('allows %s', (_what, path, source) => {
      expect(probe(path, source)).toEqual([]);
    });
  });
});
