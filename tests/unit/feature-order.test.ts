import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * Features in one direction (docs/architecture.md): a feature folder of shared/ may import the
 * features of a lower layer, never one of its own layer or above, so there is no cycle between
 * features. The order is read from the table in docs/architecture.md; every import of
 * `#<folder>/…` in shared/** is checked against it: static, type-only, re-exports, dynamic
 * `import()` and `import('…')` types. The floors lie below every feature, in their own order
 * (biome holds them too); handlers (functions/**) may use any feature and are not read.
 * biome.json holds the same order (one override per layer, and one per layer's pure rules), so the
 * editor and `npm run lint` say it first; the last test checks that it refuses exactly what the
 * table refuses.
 */
const repo = resolve(import.meta.dirname, '../..');
const FLOORS = ['kernel', 'contract', 'platform', 'http'];
const HEADING = '## Features in one direction';

/** Layer of each folder of shared/: floors below zero (kernel lowest), features from the table. */
function declaredOrder(): Map<string, number> {
  const doc = readFileSync(join(repo, 'docs/architecture.md'), 'utf8');
  const section = doc.slice(doc.indexOf(HEADING)).split(/\n## /)[0]!;
  const order = new Map(FLOORS.map((floor, i) => [floor, i - FLOORS.length]));
  for (const [, layer, cell] of section.matchAll(/^\| (\d+) \| ([^|]+) \|/gm)) {
    for (const [, feature] of cell!.matchAll(/`([a-z-]+)`/g)) {
      if (order.has(feature!)) throw new Error(`${feature} is placed twice in docs/architecture.md`);
      order.set(feature!, Number(layer));
    }
  }
  return order;
}

function tsFiles(root: string, dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return tsFiles(root, path);
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

/** Every module a file names, with its line; `null` for a dynamic import whose name is computed. */
function importsOf(source: string, path: string): { specifier: string | null; line: number }[] {
  const file = ts.createSourceFile(path, source, ts.ScriptTarget.Latest, true);
  const out: { specifier: string | null; line: number }[] = [];
  const add = (node: ts.Node, specifier: ts.Node | undefined) =>
    out.push({
      specifier: specifier && ts.isStringLiteralLike(specifier) ? specifier.text : null,
      line: file.getLineAndCharacterOfPosition(node.getStart()).line + 1,
    });
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node) || (ts.isExportDeclaration(node) && node.moduleSpecifier)) {
      add(node, node.moduleSpecifier);
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      add(node, node.arguments[0]);
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) {
      add(node, node.argument.literal);
    } else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) {
      add(node, node.moduleReference.expression);
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return out;
}

/** `file:line …` for every import in `root/shared` that goes against the order. */
function againstOrder(root: string, order: Map<string, number>): string[] {
  const name = (folder: string) =>
    (order.get(folder) ?? 0) < 0 ? `the floor ${folder}` : `${folder} (layer ${order.get(folder)})`;
  return tsFiles(root, 'shared').flatMap((path) => {
    const folder = path.split('/')[1]!;
    if (!order.has(folder)) return [];
    return importsOf(readFileSync(join(root, path), 'utf8'), path).flatMap(({ specifier, line }) => {
      if (specifier === null)
        return [`${path}:${line} imports a computed module name, which cannot be checked`];
      const target = specifier.match(/^#([a-z-]+)\//)?.[1];
      if (!target || target === folder || !order.has(target)) return [];
      if (order.get(target)! < order.get(folder)!) return [];
      return [`${path}:${line} imports ${specifier}: ${name(folder)} may not use ${name(target)}`];
    });
  });
}

describe('features in one direction', () => {
  const order = declaredOrder();

  it('places every folder of shared/ in docs/architecture.md, and nothing else', () => {
    const folders = readdirSync(join(repo, 'shared'), { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => d.name)
      .sort();
    expect([...order.keys()].sort()).toEqual(folders);
  });

  it('finds no import against the order in shared/', () => {
    expect(againstOrder(repo, order)).toEqual([]);
  });

  describe('probes', () => {
    let dir: string;
    beforeAll(() => {
      dir = mkdtempSync(join(tmpdir(), 'feature-order-'));
    });
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    /** Writes one probe file (its templates' `@{…}` become `${…}`) and reads the tree it is in. */
    const probe = (path: string, source: string) => {
      rmSync(join(dir, 'shared'), { recursive: true, force: true });
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), source.replaceAll('@{', '${'));
      return againstOrder(dir, order);
    };

    it.each([
      [
        'a lower feature importing a higher one',
        'shared/organisations/probe.ts',
        "import { decide } from '#requests/decide';",
      ],
      ['a cycle back up', 'shared/trajectory/probe.ts', "import { detailOf } from '#requests/detail';"],
      [
        'a type-only import',
        'shared/statistics/probe.ts',
        "import type { StoredStudent } from '#students/rules';",
      ],
      ['a re-export', 'shared/people/probe.ts', "export { statusOf } from '#students/rules';"],
      [
        'a dynamic import',
        'shared/school-year/probe.ts',
        "export const load = () => import('#requests/open-index');",
      ],
      [
        'an import type',
        'shared/audit/probe.ts',
        "export type Page = import('#requests/list').RequestRowsPage;",
      ],
      [
        'a feature of the same layer',
        'shared/admin/probe.ts',
        "import { buildExport } from '#exports/build';",
      ],
      [
        'a floor importing a feature',
        'shared/http/probe.ts',
        "import { getStudent } from '#students/store';",
      ],
      [
        'a computed dynamic import',
        'shared/requests/probe.ts',
        'export const load = (f: string) => import(`#students/@{f}`);',
      ],
    ])('refuses %s', (_what, path, source) => {
      const refused = probe(path, source);
      expect(refused).toHaveLength(1);
      expect(refused[0]).toMatch(new RegExp(`^${path}:1 `));
    });

    it('names the file, the import and both layers', () => {
      expect(probe('shared/organisations/probe.ts', "import { decide } from '#requests/decide';")).toEqual([
        'shared/organisations/probe.ts:1 imports #requests/decide: organisations (layer 1) may not use requests (layer 5)',
      ]);
    });

    it.each([
      ['a lower feature', 'shared/requests/probe.ts', "import { getStudent } from '#students/store';"],
      [
        'a type from a lower feature',
        'shared/trajectory/probe.ts',
        "import type { StoredStudent } from '#students/rules';",
      ],
      ['its own folder', 'shared/requests/probe.ts', "import { detailOf } from '#requests/detail';"],
      ['a file beside it', 'shared/requests/probe.ts', "import { detailOf } from './detail';"],
      ['the floors', 'shared/organisations/probe.ts', "import { keys } from '#platform/table/keys';"],
      ['a package', 'shared/mailings/probe.ts', "export const load = () => import('@aws-sdk/lib-dynamodb');"],
    ])('allows %s', (_what, path, source) => {
      expect(probe(path, source)).toEqual([]);
    });
  });

  it('is held by biome.json too: refused there exactly where the table refuses, in pure rules as well', () => {
    const dir = mkdtempSync(join(tmpdir(), 'feature-order-biome-'));
    try {
      const config = JSON.parse(readFileSync(join(repo, 'biome.json'), 'utf8'));
      config.$schema = undefined;
      config.vcs = { enabled: false };
      writeFileSync(join(dir, 'biome.json'), JSON.stringify(config));
      const features = [...order.keys()].filter((f) => order.get(f)! > 0);
      const expected: string[] = [];
      for (const feature of features) {
        const others = features.filter((f) => f !== feature);
        mkdirSync(join(dir, 'shared', feature), { recursive: true });
        for (const file of ['probe.ts', 'rules.ts']) {
          const lines = others.map((other, i) => `import { probe as p${i} } from '#${other}/probe';`);
          writeFileSync(join(dir, 'shared', feature, file), `${lines.join('\n')}\n`);
          others.forEach((other, i) => {
            if (order.get(other)! >= order.get(feature)!) expected.push(`shared/${feature}/${file}:${i + 1}`);
          });
        }
      }
      let out: string;
      try {
        out = execFileSync(
          join(repo, 'node_modules/.bin/biome'),
          ['lint', '--reporter=json', '--max-diagnostics=none', 'shared'],
          { cwd: dir, encoding: 'utf8', stdio: 'pipe', maxBuffer: 64 * 1024 * 1024 },
        );
      } catch (error) {
        out = (error as { stdout: string }).stdout;
      }
      const report = JSON.parse(out) as {
        diagnostics: {
          category: string;
          message: string;
          location: { path: string; start: { line: number } };
        }[];
      };
      const refused = report.diagnostics
        .filter(
          (d) =>
            d.category.endsWith('noRestrictedImports') && d.message.includes('Features in one direction'),
        )
        .map((d) => `${d.location.path}:${d.location.start.line}`);
      expect(refused.sort()).toEqual(expected.sort());
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
