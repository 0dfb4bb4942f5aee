import { inject } from 'vitest';

// biome-ignore lint/suspicious/noExplicitAny: tests read response bodies freely; the assertions check their shape.
export interface ApiResponse<T = any> {
  status: number;
  body: T;
  cookies: string[];
}

/** Calls the local API as the web app does; returns status, parsed body and Set-Cookie values. */
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
  return {
    status: res.status,
    body: text ? JSON.parse(text) : undefined,
    cookies: res.headers.getSetCookie(),
  };
}

/** `name=value` of a Set-Cookie header, ready to send back. */
export const cookieFrom = (response: ApiResponse) => response.cookies[0]?.split(';')[0] ?? '';
