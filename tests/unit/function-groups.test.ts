import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { APIGatewayProxyEventV2WithJWTAuthorizer, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { describe, expect, it, vi } from 'vitest';
import { empty } from '#contract/api-route';
import { dispatch } from '#http/dispatch';
import {
  functionGroups,
  groupEntrySource,
  groupOf,
  HOT_PATH_ROUTES,
  permissionSetOf,
  routeKeyOf,
} from '#http/function-groups';
import type { Resource, RouteDef } from '#http/route-types';
import { routes } from '#http/routes';
import { lambdaContext } from '#local/apigw-event';
import { repoRoot } from '#local/paths';
import { writeGroupEntries } from '../../infra/lib/group-entries';

const route = (id: string, method: RouteDef['method'], path: string, resources: Resource[]): RouteDef => ({
  id,
  method,
  path,
  entry: `functions/matching/${id}.ts`,
  public: false,
  roles: ['admin'],
  resources,
  input: {},
  answers: { 204: empty },
  refusals: [],
});

const event = (routeKey: string) =>
  ({
    version: '2.0',
    routeKey,
    rawPath: '/api/x',
    headers: {},
    isBase64Encoded: false,
    requestContext: { requestId: 'r' },
  }) as unknown as APIGatewayProxyEventV2WithJWTAuthorizer;

const bodyOf = (res: APIGatewayProxyStructuredResultV2) => JSON.parse(res.body ?? 'null');

describe('function groups of the route table', () => {
  const groups = functionGroups(routes);

  it('serves every route from exactly one function', () => {
    const served = groups.flatMap((g) => g.routes.map((r) => r.id));
    expect(served.sort()).toEqual(routes.map((r) => r.id).sort());
  });

  it('gives each permission set one function whose routes declare exactly that set', () => {
    const others = groups.filter((g) => !g.hotPath);
    for (const group of others)
      for (const r of group.routes) expect(permissionSetOf(r.resources), r.id).toEqual(group.resources);
    const sets = others.map((g) => g.resources.join(','));
    expect(new Set(sets).size).toBe(sets.length);
    const offHotPath = routes.filter((r) => !(HOT_PATH_ROUTES as readonly string[]).includes(r.id));
    expect(sets.sort()).toEqual(
      [...new Set(offHotPath.map((r) => permissionSetOf(r.resources).join(',')))].sort(),
    );
  });

  it("puts the services' list, detail and decision in a function of their own, with the union of their resources", () => {
    const hot = groups.filter((g) => g.hotPath);
    expect(hot).toHaveLength(1);
    expect(hot[0]!.routes.map((r) => r.id).sort()).toEqual([...HOT_PATH_ROUTES].sort());
    expect(hot[0]!.resources).toEqual(['pii:decrypt', 'table:read', 'table:write']);
    expect(groupOf(groups, 'requests-decide')).toBe(hot[0]);
    // The students' detail declares what the services' detail declares, yet stays off the hot path.
    expect(groupOf(groups, 'students-get')).not.toBe(hot[0]);
  });

  it('groups by set whatever the order of the declared resources; the empty set is logs only', () => {
    const table = [
      route('a', 'GET', '/a', ['table:write', 'mail:send']),
      route('b', 'POST', '/b', ['mail:send', 'table:write', 'mail:send']),
      route('c', 'GET', '/c', []),
      route('d', 'GET', '/d/{id}', ['table:read']),
    ];
    const byId = functionGroups(table, ['d']).map((g) => [g.id, g.routes.map((r) => r.id)]);
    expect(byId).toEqual([
      ['requests', ['d']],
      ['logs-only', ['c']],
      ['mail-send-table-write', ['a', 'b']],
    ]);
  });

  it('refuses two routes with one route key, and a hot path the table does not have', () => {
    expect(() =>
      functionGroups([route('a', 'GET', '/a', []), route('b', 'GET', '/a', ['table:read'])], []),
    ).toThrow(/Two routes answer GET \/a/);
    expect(() => functionGroups([route('a', 'GET', '/a', [])], ['gone'])).toThrow(/gone/);
  });

  it('writes one literal import per route into the entry, each pointing at the route file', () => {
    const group = groupOf(groups, 'students-list');
    const file = resolve(repoRoot, '.build/api-functions/example.ts');
    const source = groupEntrySource(group, file, repoRoot);
    const imports = [...source.matchAll(/"([^"]+)": \(\) => import\("([^"]+)"\)/g)];
    expect(imports.map((m) => m[1])).toEqual(group.routes.map(routeKeyOf));
    for (const [, , path] of imports) expect(existsSync(resolve(dirname(file), path!)), path).toBe(true);
    expect(source).toContain('export const handler = dispatch(routeModules);');
  });

  it("imports the hot path's routes statically, so a warmed instance has them all ready", () => {
    const group = groupOf(groups, 'requests-decide');
    expect(group.hotPath).toBe(true);
    const file = resolve(repoRoot, '.build/api-functions/requests.ts');
    const source = groupEntrySource(group, file, repoRoot);
    expect(source).not.toContain('import(');
    const imports = [...source.matchAll(/import \{ handler as (\w+) \} from "([^"]+)";/g)];
    expect(imports).toHaveLength(group.routes.length);
    for (const [, , path] of imports) expect(existsSync(resolve(dirname(file), path!)), path).toBe(true);
    for (const [i, route] of group.routes.entries())
      expect(source).toContain(
        `${JSON.stringify(routeKeyOf(route))}: async () => ({ handler: ${imports[i]![1]} })`,
      );
  });
});

describe('a function that serves several routes', () => {
  it('loads and calls only the handler of the route API Gateway matched', async () => {
    const list = vi.fn(async () => ({ statusCode: 200, body: '"list"' }));
    const loadList = vi.fn(async () => ({ handler: list }));
    const loadDecide = vi.fn(async () => ({ handler: vi.fn() }));
    const handler = dispatch({ 'GET /api/requests': loadList, 'PUT /api/requests/{id}': loadDecide });
    const res = await handler(event('GET /api/requests'), lambdaContext('requests'));
    expect(res).toEqual({ statusCode: 200, body: '"list"' });
    expect(list).toHaveBeenCalledOnce();
    expect(loadDecide).not.toHaveBeenCalled();
    // The module is loaded once; later requests go straight to its handler.
    await handler(event('GET /api/requests'), lambdaContext('requests'));
    expect(list).toHaveBeenCalledTimes(2);
    expect(loadList).toHaveBeenCalledOnce();
  });

  it('tries a route whose module failed to load again on the next request', async () => {
    const load = vi
      .fn()
      .mockRejectedValueOnce(new Error('init failed'))
      .mockResolvedValue({ handler: async () => ({ statusCode: 204 }) });
    const handler = dispatch({ 'GET /api/requests': load });
    await expect(handler(event('GET /api/requests'), lambdaContext('requests'))).rejects.toThrow(
      'init failed',
    );
    expect(await handler(event('GET /api/requests'), lambdaContext('requests'))).toEqual({ statusCode: 204 });
  });

  it("answers a route key it does not serve with 404 in the API's error shape", async () => {
    vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    const handler = dispatch({ 'GET /api/requests': async () => ({ handler: vi.fn() }) });
    for (const key of ['GET /api/health', 'toString', '__proto__']) {
      const res = await handler(event(key), lambdaContext('requests'));
      expect(res.statusCode, key).toBe(404);
      expect(bodyOf(res)).toEqual({ error: 'NOT_FOUND', message: expect.any(String) });
      expect(res.headers).toMatchObject({ 'x-request-id': expect.any(String) });
    }
  });

  it('as generated for the hot path: reaches its own routes, and no other', async () => {
    vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    const groups = functionGroups(routes);
    const entry = writeGroupEntries(groups, repoRoot).get('requests')!;
    const { handler } = await import(resolve(repoRoot, entry));
    // No token: the list's own handler refuses it, so the request reached that handler.
    const list = await handler(event('GET /api/requests'), lambdaContext('requests'));
    expect(list.statusCode).toBe(401);
    const health = await handler(event('GET /api/health'), lambdaContext('requests'));
    expect(health.statusCode).toBe(404);
    expect(bodyOf(health).error).toBe('NOT_FOUND');
  });
});
