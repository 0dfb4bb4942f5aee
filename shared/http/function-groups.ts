import { dirname, relative } from 'node:path';
import type { Resource, RouteDef } from './route-types';
import type { RouteId } from './routes';

/**
 * Which Lambda function serves which route. The CDK app deploys one function per group, the local
 * server dispatches through the same groups, and the bench weighs them; all three take the groups
 * from here, computed from the route table, so no list of routes per function is kept by hand.
 *
 * A group is a permission set: the routes that declare the same resources share a function as they
 * already share its role, so grouping grants no route anything it did not declare. The one
 * exception is the 12:00 hot path below.
 */

/**
 * The services' list, detail and decision: what 150 services open at once when a round opens at
 * 12:00. They get a function of their own, so its bundle stays small, its cold start initialises
 * only these routes, and it can be warmed (provisioned concurrency) without warming anything else.
 * Its role is the one of the union of the three routes' resources.
 */
export const HOT_PATH_ROUTES = [
  'requests-list',
  'requests-get',
  'requests-decide',
] as const satisfies readonly RouteId[];
export const HOT_PATH_GROUP = 'requests';

export interface FunctionGroup {
  /** `requests` for the hot path; otherwise its permission set in kebab case (`mail-send-table-write`). */
  readonly id: string;
  /** The permission set of the function: the union of its routes' resources, without repeats. */
  readonly resources: readonly Resource[];
  readonly routes: readonly RouteDef[];
  readonly hotPath: boolean;
}

/** A permission set: the declared resources without repeats, in one order. */
export const permissionSetOf = (resources: readonly Resource[]): Resource[] => [...new Set(resources)].sort();

/** `GET /api/requests/{studentId}`: what API Gateway puts in `event.routeKey` for a route. */
export const routeKeyOf = (route: Pick<RouteDef, 'method' | 'path'>) => `${route.method} ${route.path}`;

/** `['mail:send', 'table:write']` → `mail-send-table-write`; the empty set → `logs-only`. */
const setIdOf = (set: readonly Resource[]) =>
  set.length === 0 ? 'logs-only' : set.map((r) => r.replace(':', '-')).join('-');

/**
 * The routes of `routes` by function: the hot path first, then one group per permission set in the
 * order of their ids. Throws when two routes share a route key (API Gateway would refuse them too)
 * or when a hot-path route is missing from the table.
 */
export function functionGroups(
  routes: readonly RouteDef[],
  hotPath: readonly string[] = HOT_PATH_ROUTES,
): FunctionGroup[] {
  const keys = new Set<string>();
  for (const route of routes) {
    const key = routeKeyOf(route);
    if (keys.has(key)) throw new Error(`Two routes answer ${key}`);
    keys.add(key);
  }
  const missing = hotPath.filter((id) => !routes.some((r) => r.id === id));
  if (missing.length) throw new Error(`The hot path names routes the table does not have: ${missing}`);

  const hot = routes.filter((r) => hotPath.includes(r.id));
  const bySet = new Map<string, { resources: Resource[]; routes: RouteDef[] }>();
  for (const route of routes) {
    if (hotPath.includes(route.id)) continue;
    const resources = permissionSetOf(route.resources);
    const id = setIdOf(resources);
    const group = bySet.get(id) ?? { resources, routes: [] };
    group.routes.push(route);
    bySet.set(id, group);
  }
  const groups: FunctionGroup[] = [...bySet]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([id, g]) => ({ id, resources: g.resources, routes: g.routes, hotPath: false }));
  if (hot.length === 0) return groups;
  return [
    {
      id: HOT_PATH_GROUP,
      resources: permissionSetOf(hot.flatMap((r) => r.resources)),
      routes: hot,
      hotPath: true,
    },
    ...groups,
  ];
}

/** The group that serves a route. */
export function groupOf(groups: readonly FunctionGroup[], routeId: string): FunctionGroup {
  const group = groups.find((g) => g.routes.some((r) => r.id === routeId));
  if (!group) throw new Error(`No function serves route ${routeId}`);
  return group;
}

/**
 * The bundle entry of a group's function, written to `entryFile`. Each route's handler module is a
 * literal `import()`: esbuild puts it in the same bundle but runs its top level only when the route
 * is first called, so a cold start initialises the dispatcher and the one route it serves. The
 * loaders are exported too, so the bench can time one route's initialisation without calling it.
 *
 * The hot path imports its routes statically instead: its instances are warmed before the rush
 * (provisioned concurrency runs the init phase), so all its routes should be ready before the first
 * request; and esbuild tree-shakes only what is imported statically (a lazily initialised module
 * keeps every SDK command class it could reach), so its bundle is about a quarter smaller.
 */
export function groupEntrySource(group: FunctionGroup, entryFile: string, repoRoot: string): string {
  const from = (path: string) => {
    const rel = relative(dirname(entryFile), `${repoRoot}/${path}`).split('\\').join('/');
    return JSON.stringify(rel.startsWith('.') ? rel : `./${rel}`);
  };
  const statics = group.hotPath
    ? group.routes.map((route, i) => `import { handler as route${i} } from ${from(route.entry)};`)
    : [];
  const loaders = group.routes.map(
    (route, i) =>
      `  ${JSON.stringify(routeKeyOf(route))}: ${group.hotPath ? `async () => ({ handler: route${i} })` : `() => import(${from(route.entry)})`},`,
  );
  return [
    `// The ${group.id} function: generated from the route table by shared/http/function-groups.ts.`,
    `import { dispatch } from ${from('shared/http/dispatch.ts')};`,
    ...statics,
    '',
    'export const routeModules = {',
    ...loaders,
    '};',
    '',
    'export const handler = dispatch(routeModules);',
    '',
  ].join('\n');
}
