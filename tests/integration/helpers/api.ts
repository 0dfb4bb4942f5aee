import { expect, inject } from 'vitest';
import { isEmptyAnswer, isFileAnswer } from '#contract/api-route';
import { refusalSchema, refusalsOf } from '#http/openapi';
import { compilePath, type RouteDef } from '#http/route-types';
import { routes } from '#http/routes';

// biome-ignore lint/suspicious/noExplicitAny: tests read response bodies freely; the assertions check their shape.
export interface ApiResponse<T = any> {
  status: number;
  body: T;
  cookies: string[];
}

/**
 * Calls the local API as the web app does; returns status, parsed body and Set-Cookie values.
 * Every answer is held to its route's declared contract (`checkAnswer`).
 */
// biome-ignore lint/suspicious/noExplicitAny: as above.
export async function call<T = any>(
  method: string,
  path: string,
  options: { token?: string; body?: unknown; cookie?: string; headers?: Record<string, string> } = {},
): Promise<ApiResponse<T>> {
  const res = await fetch(`${inject('stack').appUrl}/api${path}`, {
    method,
    headers: {
      ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      ...(options.cookie ? { cookie: options.cookie } : {}),
      ...options.headers,
    },
    body: options.body !== undefined ? JSON.stringify(options.body) : undefined,
  });
  const text = await res.text();
  checkAnswer(method, `/api${path}`, res.status, res.headers.get('content-type') ?? '', text);
  return {
    status: res.status,
    body: text ? JSON.parse(text) : undefined,
    cookies: res.headers.getSetCookie(),
  };
}

const table = routes.map((route) => ({ route: route as RouteDef, match: compilePath(route.path) }));

/**
 * Holds a real answer to the route table (tests only; production never validates its answers): a
 * success must be one the route declares, its JSON must parse with the declared schema and carry
 * nothing the schema leaves out; a refusal must be one of the route's refusals, in the error shape.
 * Paths that are no route of the table (API Gateway's 404) are left alone.
 */
export function checkAnswer(method: string, url: string, status: number, contentType: string, text: string) {
  const pathname = new URL(url, 'http://local').pathname;
  const route = table.find((t) => t.route.method === method && t.match(pathname) !== null)?.route;
  if (!route) return;
  const where = `${method} ${pathname} (${route.id}) answered ${status}`;
  if (status >= 200 && status < 300) {
    const answer = route.answers[status as keyof RouteDef['answers']];
    expect(answer, `${where}, which its route does not declare`).toBeDefined();
    if (isEmptyAnswer(answer)) return expect(text, `${where} with a body`).toBe('');
    if (isFileAnswer(answer)) return expect(contentType, where).toContain(answer.file);
    expect(contentType, where).toContain('application/json');
    const body = JSON.parse(text);
    const parsed = answer!.safeParse(body);
    expect(parsed.error?.issues, `${where} outside its schema`).toBeUndefined();
    // The schema strips what it does not name: a difference is a field the contract does not declare.
    expect(body, `${where} with fields its schema does not declare`).toEqual(parsed.data);
    return;
  }
  if (status >= 400) {
    expect(refusalsOf(route), `${where}, not among its declared refusals`).toContain(status);
    const parsed = refusalSchema(route, status).safeParse(JSON.parse(text));
    expect(parsed.error?.issues, `${where} outside the error shape`).toBeUndefined();
  }
}

/** `name=value` of a Set-Cookie header, ready to send back. */
export const cookieFrom = (response: ApiResponse) => response.cookies[0]?.split(';')[0] ?? '';
