import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const repo = resolve(import.meta.dirname, '../..');
const read = (path: string) => readFileSync(join(repo, path), 'utf8');

/** GitHub's anchor of a heading: lower case, punctuation dropped, spaces as hyphens. */
const anchorOf = (heading: string) =>
  heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');

const anchorsIn = (markdown: string) =>
  new Set([...markdown.matchAll(/^#{1,6}\s+(.+)$/gm)].map((m) => anchorOf(m[1]!.replace(/`/g, ''))));

/** Relative links of a markdown file: `[text](path#anchor)`, without web addresses. */
const linksIn = (markdown: string) =>
  [...markdown.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1]!).filter((l) => !/^[a-z]+:/i.test(l));

/** A link that does not lead anywhere: a missing file, or a heading the file does not have. */
function brokenLinks(file: string): string[] {
  const text = read(file);
  return linksIn(text).flatMap((link) => {
    const [path, anchor] = link.split('#') as [string, string | undefined];
    const target = path ? join(dirname(file), path) : file;
    if (!existsSync(join(repo, target))) return [`${file}: ${link} (no such file)`];
    if (anchor && target.endsWith('.md') && !anchorsIn(read(target)).has(anchor)) {
      return [`${file}: ${link} (no such heading)`];
    }
    return [];
  });
}

describe('the README', () => {
  it('stays short enough for a newcomer: at most 250 lines', () => {
    expect(read('README.md').trimEnd().split('\n').length).toBeLessThanOrEqual(250);
  });

  it('links to docs/ that exist, down to the heading', () => {
    const links = linksIn(read('README.md')).filter((l) => l.startsWith('docs/'));
    expect(links.length).toBeGreaterThan(0);
    expect(brokenLinks('README.md')).toEqual([]);
  });

  it('and the pages of docs/ link to each other correctly', () => {
    const pages = ['design.md', 'rules.md', 'operations.md', 'libraries.md', 'architecture.md'];
    expect(pages.flatMap((p) => brokenLinks(`docs/${p}`))).toEqual([]);
  });
});
