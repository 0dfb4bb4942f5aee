import { randomUUID } from 'node:crypto';
import { GetObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
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
