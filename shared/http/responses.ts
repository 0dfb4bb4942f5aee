import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import type { ErrorBody } from '#contract/errors';

export interface HandlerResult {
  status?: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** Set-Cookie values; API Gateway payload 2.0 carries them apart from the headers. */
  cookies?: string[];
  /** The body is base64 of bytes (a spreadsheet), which API Gateway decodes on the way out. */
  base64?: boolean;
}

type Extra = Pick<HandlerResult, 'headers' | 'cookies'>;

/*
 * The answers carry their status and body types, so that `defineHandler` can hold a handler to its
 * route's declared answers (`AnswerOf` in handler.ts).
 */
export const ok = <const B>(body: B, extra: Extra = {}) => ({ status: 200 as const, body, ...extra });
export const created = <const B>(body: B) => ({ status: 201 as const, body });
export const accepted = <const B>(body: B) => ({ status: 202 as const, body });
/** A non-JSON answer, e.g. an iCalendar feed or a CSV file: the route declares it as a file. */
export const textBody = (body: string, contentType: string, headers: Record<string, string> = {}) => ({
  status: 200 as const,
  body,
  headers: { 'content-type': contentType, ...headers },
});
/** A file to download, e.g. a spreadsheet template: its bytes as base64, which API Gateway decodes. */
export const fileBody = (bytes: Buffer, contentType: string, filename: string) => ({
  status: 200 as const,
  body: bytes.toString('base64'),
  base64: true,
  headers: { 'content-type': contentType, 'content-disposition': `attachment; filename="${filename}"` },
});
export const noContent = (extra: Extra = {}) => ({ status: 204 as const, ...extra });

const BASE_HEADERS = {
  'content-type': 'application/json; charset=utf-8',
  // API answers carry personal data: never let a shared cache keep them.
  'cache-control': 'no-store',
};

export function toApiResponse(result: HandlerResult, requestId: string): APIGatewayProxyStructuredResultV2 {
  const status = result.status ?? 200;
  return {
    statusCode: status,
    headers: { ...BASE_HEADERS, 'x-request-id': requestId, ...result.headers },
    body:
      status === 204 || result.body === undefined
        ? ''
        : isRaw(result)
          ? result.body
          : JSON.stringify(result.body),
    ...(result.cookies ? { cookies: result.cookies } : {}),
    ...(result.base64 ? { isBase64Encoded: true } : {}),
  };
}

export function errorBody(code: string, message: string, details?: unknown): ErrorBody {
  const body = { error: code, message };
  return details === undefined ? body : { ...body, details: details as ErrorBody['details'] };
}

/** A handler that sets its own content type and hands a string (a CSV, a calendar) sends it as is. */
const isRaw = (result: HandlerResult): result is HandlerResult & { body: string } =>
  typeof result.body === 'string' && Boolean(result.headers?.['content-type']);
