import type { ApiRouteDef } from '#contract/api-route';
import type { Role } from '#contract/roles';

export type { HttpMethod } from '#contract/api-route';

/**
 * What a route's Lambda may touch. The CDK app turns these into IAM grants and environment
 * variables, so a handler only gets the permissions and settings its route declares. Routes that
 * declare the same set share one function (`function-groups.ts`); the 12:00 hot path's function
 * has the union of its routes' sets.
 */
export type Resource =
  | 'table:read'
  | 'table:write'
  | 'exports:write'
  | 'exports:read'
  /** Deletes every export file of the year (the erasure on its retention date). */
  | 'exports:erase'
  /** Starts the export function asynchronously (Lambda InvokeFunction on that one function). */
  | 'exports:start'
  | 'mail:send'
  /** Creates, disables and sets passwords of logins in the user pool (Cognito admin API). */
  | 'users:admin'
  /** Signs people in or renews their tokens through the web app client (no IAM involved). */
  | 'users:login'
  | 'pii:encrypt'
  | 'pii:decrypt'
  /**
   * Writes the registry of school years (the platform's long-lived table). Reading it comes with
   * `table:read` and `table:write`: every write checks there whether its year is archived.
   */
  | 'years:write';

/** A route of the contract (`shared/contract/api.ts`) with what the server adds to it. */
export interface RouteDef extends ApiRouteDef {
  /** Entry file, relative to the repository root, exporting `handler`. */
  readonly entry: string;
  /** Public routes skip the JWT authorizer (health, login, activation...). */
  readonly public: boolean;
  /** Roles allowed to call a non-public route. Empty on public routes. */
  readonly roles: readonly Role[];
  /** Only the national team of the admin role; a regional team gets 403 (`region.ts`). */
  readonly nationalOnly?: boolean;
  readonly resources: readonly Resource[];
  /** Steady-state requests per second and burst, per route, enforced by API Gateway. */
  readonly throttle?: { readonly rate: number; readonly burst: number };
}

export const DEFAULT_THROTTLE = { rate: 200, burst: 400 } as const;

const paramPattern = /\{([A-Za-z0-9_]+)(\+?)\}/g;

/** Compiles an API Gateway path template into a matcher that returns the path parameters. */
export function compilePath(template: string): (path: string) => Record<string, string> | null {
  const names: string[] = [];
  const source = template
    .split(paramPattern)
    .map((part, index) => {
      // split() with two capture groups yields [literal, name, plus, literal, name, plus, ...]
      const kind = index % 3;
      if (kind === 0) return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      if (kind === 1) {
        names.push(part);
        return '';
      }
      return part === '+' ? '(.+)' : '([^/]+)';
    })
    .join('');
  const regex = new RegExp(`^${source}$`);
  return (path) => {
    const match = regex.exec(path);
    if (!match) return null;
    const params: Record<string, string> = {};
    names.forEach((name, i) => {
      params[name] = decodeURIComponent(match[i + 1] ?? '');
    });
    return params;
  };
}
