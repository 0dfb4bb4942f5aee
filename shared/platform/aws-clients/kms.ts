import { KMSClient } from '@aws-sdk/client-kms';

let kms: KMSClient | undefined;

/** The KMS client, once per container (there is no local KMS: the local stack uses a key file). */
export function kmsClient(): KMSClient {
  kms ??= new KMSClient({});
  return kms;
}
