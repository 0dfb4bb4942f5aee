import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { PassThrough } from 'node:stream';
import { DeleteObjectCommand, GetObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { s3Client } from './aws-clients/s3';
import { settings } from './config';

/** How long a download link works: long enough to click, too short to be passed around. */
export const DOWNLOAD_LINK_SECONDS = 300;

export interface StoredExport {
  key: string;
  url: string;
  expiresAt: string;
}

/**
 * Writes an export file to the private bucket and hands out a short-lived presigned link.
 * The file name is what the person's browser saves it as.
 */
export async function storeExport(options: {
  ownerId: string;
  fileName: string;
  body: string | Uint8Array;
  contentType: string;
  expiresInSeconds?: number;
}): Promise<StoredExport> {
  const bucket = settings.exportBucket();
  const key = `exports/${options.ownerId}/${randomUUID()}/${options.fileName}`;
  await s3Client().send(
    new PutObjectCommand({ Bucket: bucket, Key: key, Body: options.body, ContentType: options.contentType }),
  );
  const expiresIn = options.expiresInSeconds ?? DOWNLOAD_LINK_SECONDS;
  const url = await getSignedUrl(
    s3Client(),
    new GetObjectCommand({
      Bucket: bucket,
      Key: key,
      ResponseContentDisposition: `attachment; filename="${options.fileName.replace(/"/g, '')}"`,
    }),
    { expiresIn },
  );
  return { key, url, expiresAt: new Date(Date.now() + expiresIn * 1000).toISOString() };
}

/**
 * Where uploads wait for the job that reads them (an import's file). The export bucket is the
 * product's one private bucket and `exports/` its one writable prefix, so they live under it, and
 * its lifecycle removes them after the same 7 days.
 */
export const uploadKey = (jobId: string, fileName: string) =>
  `exports/uploads/${jobId}/${fileName.replace(/[^\w.-]+/g, '_')}`;

export async function storeUpload(key: string, body: Uint8Array): Promise<void> {
  await s3Client().send(new PutObjectCommand({ Bucket: settings.exportBucket(), Key: key, Body: body }));
}

export async function readUpload(key: string): Promise<Buffer> {
  const out = await s3Client().send(new GetObjectCommand({ Bucket: settings.exportBucket(), Key: key }));
  if (!out.Body) throw new Error(`Upload ${key} is empty`);
  return Buffer.from(await out.Body.transformToByteArray());
}

/** A download link for an object in the export bucket, naming the file the browser saves. */
export async function presignDownload(options: {
  key: string;
  contentDisposition: string;
  contentType: string;
  expiresInSeconds?: number;
}): Promise<{ url: string; expiresAt: string }> {
  const expiresIn = Math.min(options.expiresInSeconds ?? DOWNLOAD_LINK_SECONDS, 15 * 60);
  const url = await getSignedUrl(
    s3Client(),
    new GetObjectCommand({
      Bucket: settings.exportBucket(),
      Key: options.key,
      ResponseContentDisposition: options.contentDisposition,
      ResponseContentType: options.contentType,
    }),
    { expiresIn },
  );
  return { url, expiresAt: new Date(Date.now() + expiresIn * 1000).toISOString() };
}

/**
 * A stream into the export bucket: a multipart upload (5 MB parts, two in flight), so a file of
 * any size passes through without ever being held in memory whole. Write, `end()`, then `done`.
 */
export function uploadStream(options: { key: string; contentType: string; contentDisposition: string }) {
  const body = new PassThrough();
  const upload = new Upload({
    client: s3Client(),
    queueSize: 2,
    partSize: 5 * 1024 * 1024,
    leavePartsOnError: false,
    params: {
      Bucket: settings.exportBucket(),
      Key: options.key,
      Body: body,
      ContentType: options.contentType,
      ContentDisposition: options.contentDisposition,
    },
  });
  const done = upload.done();
  // Keeps an early failure from being unhandled while the writer is still busy.
  done.catch(() => {});
  return {
    stream: body,
    /** Resolves once the stream may take more (back-pressure from the upload). */
    drained: async () => {
      if (body.writableNeedDrain) await once(body, 'drain');
    },
    done: async () => {
      await done;
    },
    abort: () => upload.abort(),
  };
}

/**
 * Deletes export files by key (the erasure on a year's retention date); deleting a file that is
 * gone already is no error, as in S3. One call per object: object-level requests only.
 */
export async function deleteExportFiles(keys: readonly string[]): Promise<number> {
  const Bucket = settings.exportBucket();
  for (const Key of keys) await s3Client().send(new DeleteObjectCommand({ Bucket, Key }));
  return keys.length;
}
