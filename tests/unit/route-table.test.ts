import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { apiRoutes } from '#contract/api';
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

  it('serves every route of the contract once, and nothing the contract does not declare', () => {
    expect(routes.map((r) => r.id).sort()).toEqual(apiRoutes.map((r) => r.id).sort());
    for (const route of routes) {
      const declared = apiRoutes.find((r) => r.id === route.id)!;
      expect({ method: route.method, path: route.path }).toEqual({
        method: declared.method,
        path: declared.path,
      });
      expect(route.input).toBe(declared.input);
      expect(route.answers).toBe(declared.answers);
    }
  });

  it('declares a schema for every path parameter, and only for those', () => {
    for (const route of routes) {
      const names = [...route.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      const schema = (route.input as { path?: { shape: Record<string, unknown> } }).path;
      expect(Object.keys(schema?.shape ?? {}).sort(), route.id).toEqual(names.sort());
    }
  });

  it('lets every route that sends mail read the table: the mailer checks the suppression list first', () => {
    for (const route of routes) {
      const resources = route.resources as readonly string[];
      if (!resources.includes('mail:send')) continue;
      expect(
        resources.some((r) => r === 'table:read' || r === 'table:write'),
        route.id,
      ).toBe(true);
    }
  });
});
