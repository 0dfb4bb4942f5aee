import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compilePath } from '#http/route-types';
import { routes } from '#http/routes';
import { repoRoot } from '#local/paths';

describe('route table', () => {
  it('matches API Gateway path templates and decodes parameters', () => {
    const match = compilePath('/api/students/{id}/stop');
    expect(match('/api/students/ab%20c/stop')).toEqual({ id: 'ab c' });
    expect(match('/api/students/a/b/stop')).toBeNull();
    expect(match('/api/students//stop')).toBeNull();
    expect(compilePath('/api/files/{key+}')('/api/files/a/b.csv')).toEqual({ key: 'a/b.csv' });
    expect(compilePath('/api/health')('/api/health')).toEqual({});
  });

  it('has unique ids and unique method + path pairs, every entry file present', () => {
    expect(new Set(routes.map((r) => r.id)).size).toBe(routes.length);
    expect(new Set(routes.map((r) => `${r.method} ${r.path}`)).size).toBe(routes.length);
    for (const route of routes) expect(existsSync(resolve(repoRoot, route.entry)), route.entry).toBe(true);
  });

  it('names the roles of every protected route and none on public ones', () => {
    for (const route of routes) {
      if (route.public) expect(route.roles).toEqual([]);
      else expect(route.roles.length).toBeGreaterThan(0);
    }
  });
});
