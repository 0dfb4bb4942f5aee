import { S3Client } from '@aws-sdk/client-s3';
import { endpoint } from './endpoint';

let s3: S3Client | undefined;

/** The S3 client, once per container; path-style addressing against the local emulator. */
export function s3Client(): S3Client {
  const local = endpoint('S3');
  s3 ??= new S3Client({ endpoint: local, forcePathStyle: local !== undefined });
  return s3;
}
