import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { DecryptCommand, GenerateDataKeyCommand, type KMSClient } from '@aws-sdk/client-kms';
import { kmsClient } from './aws-clients/kms';
import { optionalEnv } from './config';

/**
 * Envelope encryption for personal data at rest: every value is sealed with AES-256-GCM under a
 * data key, and the data key itself is sealed by a key-encryption key — KMS in AWS, a key file in
 * the git-ignored data folder locally. The stored form names the provider, so the two never mix.
 */
export interface KeyProvider {
  name: 'kms' | 'local';
  /** A fresh data key, in the clear and sealed. */
  newDataKey(): Promise<{ plaintext: Buffer; sealed: Buffer }>;
  openDataKey(sealed: Buffer): Promise<Buffer>;
}

const VERSION = 'v1';

export async function seal(value: string, keys: KeyProvider): Promise<string> {
  const { plaintext, sealed } = await keys.newDataKey();
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', plaintext, iv);
  const data = Buffer.concat([cipher.update(value, 'utf8'), cipher.final()]);
  const parts = [sealed, iv, cipher.getAuthTag(), data].map((b) => b.toString('base64url'));
  return [VERSION, keys.name, ...parts].join(':');
}

export async function open(stored: string, keys: KeyProvider): Promise<string> {
  const [version, provider, sealedKey, iv, tag, data] = stored.split(':');
  if (version !== VERSION || provider !== keys.name || !sealedKey || !iv || !tag || data === undefined) {
    throw new Error('Sealed value in an unknown format');
  }
  const key = await keys.openDataKey(Buffer.from(sealedKey, 'base64url'));
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString('utf8');
}

/** KMS: one GenerateDataKey per value; opened data keys are cached for the container's life. */
export function kmsKeys(keyId: string, client: KMSClient = kmsClient()): KeyProvider {
  const opened = new Map<string, Buffer>();
  return {
    name: 'kms',
    async newDataKey() {
      const out = await client.send(new GenerateDataKeyCommand({ KeyId: keyId, KeySpec: 'AES_256' }));
      if (!out.Plaintext || !out.CiphertextBlob) throw new Error('KMS returned no data key');
      return { plaintext: Buffer.from(out.Plaintext), sealed: Buffer.from(out.CiphertextBlob) };
    },
    async openDataKey(sealed) {
      const cacheKey = sealed.toString('base64');
      let key = opened.get(cacheKey);
      if (!key) {
        const out = await client.send(new DecryptCommand({ CiphertextBlob: sealed, KeyId: keyId }));
        if (!out.Plaintext) throw new Error('KMS could not open the data key');
        key = Buffer.from(out.Plaintext);
        opened.set(cacheKey, key);
      }
      return key;
    },
  };
}

/** Local: the key-encryption key is a 256-bit file, made on first use, wiped by `npm run reset`. */
export function localKeys(keyFile: string): KeyProvider {
  const kek = () => {
    if (!existsSync(keyFile)) {
      mkdirSync(dirname(keyFile), { recursive: true });
      writeFileSync(keyFile, randomBytes(32), { mode: 0o600 });
    }
    return readFileSync(keyFile);
  };
  return {
    name: 'local',
    async newDataKey() {
      const plaintext = randomBytes(32);
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', kek(), iv);
      const sealed = Buffer.concat([iv, cipher.update(plaintext), cipher.final(), cipher.getAuthTag()]);
      return { plaintext, sealed };
    },
    async openDataKey(sealed) {
      const decipher = createDecipheriv('aes-256-gcm', kek(), sealed.subarray(0, 12));
      decipher.setAuthTag(sealed.subarray(sealed.length - 16));
      return Buffer.concat([decipher.update(sealed.subarray(12, sealed.length - 16)), decipher.final()]);
    },
  };
}

let configured: KeyProvider | undefined;

/** KMS when PII_KMS_KEY_ID is set (AWS), the local key file when PII_KEY_FILE is (local stack). */
export function personalDataKeys(): KeyProvider {
  if (configured) return configured;
  const kmsKey = optionalEnv('PII_KMS_KEY_ID');
  const keyFile = optionalEnv('PII_KEY_FILE');
  if (kmsKey) configured = kmsKeys(kmsKey);
  else if (keyFile) configured = localKeys(keyFile);
  else throw new Error('Set PII_KMS_KEY_ID (AWS) or PII_KEY_FILE (local) to store personal data');
  return configured;
}
