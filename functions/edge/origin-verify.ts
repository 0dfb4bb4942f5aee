import { createHash, timingSafeEqual } from 'node:crypto';
import type { APIGatewayRequestAuthorizerEventV2, APIGatewaySimpleAuthorizerResult } from 'aws-lambda';
import { settings } from '#platform/config';

/** The header CloudFront adds to every request it forwards to the API, with a secret value. */
export const ORIGIN_HEADER = 'x-origin-verify';

const digest = (value: string) => createHash('sha256').update(value).digest();
let expected: Buffer | undefined;

/**
 * API Gateway Lambda authorizer of the public routes (login, activation, health...): lets a
 * request through only if it came through CloudFront, i.e. carries CloudFront's secret origin
 * header. Direct calls to the execute-api address would skip the web ACL. Routes with a login
 * have the JWT authorizer instead (see infra/lib/origin-guard.ts).
 */
export async function handler(
  event: APIGatewayRequestAuthorizerEventV2,
): Promise<APIGatewaySimpleAuthorizerResult> {
  expected ??= digest(settings.originVerify());
  const given = event.headers?.[ORIGIN_HEADER];
  // Compared as digests: equal length, constant time, and the secret's length is not revealed.
  return { isAuthorized: given !== undefined && timingSafeEqual(digest(given), expected) };
}
