import { mkdirSync } from 'node:fs';
import { createServer, type IncomingMessage } from 'node:http';
import { join } from 'node:path';
import S3rver from '@20minutes/s3rver';
import { LOCALHOST } from './net';

/**
 * An S3 server that checks SigV4 signatures and presigned-URL expiry (s3rver). s3rver itself
 * serves unsigned reads as if every object were public; our buckets block public access, so an
 * unsigned request is refused here before it reaches s3rver, as AWS would refuse it.
 */
export async function startS3Local(options: { port: number; directory: string; buckets: string[] }) {
  mkdirSync(options.directory, { recursive: true });
  // Buckets are provisioned here rather than through CreateBucket: s3rver canonicalises
  // bucket-level paths without the trailing slash that the SDK signs, so those calls never verify.
  // Object-level calls, which is all the product makes, verify correctly.
  const s3rver = new S3rver({
    directory: options.directory,
    silent: true,
    allowMismatchedSignatures: false,
    configureBuckets: options.buckets.map((name) => ({ name })),
  });
  await s3rver.configureBuckets();
  const app = s3rver.callback();
  const server = createServer((req, res) => {
    if (!isSigned(req)) {
      res.writeHead(403, { 'content-type': 'application/xml' });
      res.end(
        '<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>AccessDenied</Code><Message>Access Denied</Message></Error>',
      );
      return;
    }
    app(req, res);
  });
  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(options.port, LOCALHOST, () => resolveListen());
  });
  return {
    endpoint: `http://${LOCALHOST}:${options.port}`,
    stop: () =>
      new Promise<void>((resolveClose) => {
        server.closeAllConnections();
        server.close(() => resolveClose());
      }),
  };
}

/**
 * A bucket for s3rver is a folder of its data directory: made here, it exists for a running
 * s3rver too (a second school year's export bucket, made by its own process).
 */
export function ensureBucket(directory: string, bucket: string): void {
  mkdirSync(join(directory, bucket), { recursive: true });
}

function isSigned(req: IncomingMessage): boolean {
  if (req.headers.authorization) return true;
  const query = new URL(req.url ?? '/', 'http://local').searchParams;
  return query.has('X-Amz-Signature') || query.has('Signature');
}
