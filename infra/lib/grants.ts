import type { Function as LambdaFunction } from 'aws-cdk-lib/aws-lambda';
import type { Resource } from '#http/route-types';
import type { Auth } from './auth';
import type { Data } from './data';
import type { Mail } from './mail';

/** The constructs that own what a function may touch; each grants access to its own resources. */
export interface ResourceOwners {
  data: Data;
  auth: Auth;
  mail: Mail;
}

/**
 * Hands each declared resource (route table or job definition) to the construct that owns it.
 * This only routes; the owners know their ARNs, their IAM actions and their settings.
 */
export function grantResources(
  fn: LambdaFunction,
  resources: readonly Resource[],
  owners: ResourceOwners,
): void {
  for (const resource of new Set(resources)) {
    switch (resource) {
      case 'table:read':
      case 'table:write':
      case 'exports:read':
      case 'exports:write':
      case 'pii:encrypt':
      case 'pii:decrypt':
        owners.data.grant(fn, resource);
        break;
      case 'mail:send':
        owners.mail.grantSend(fn);
        break;
      case 'users:admin':
        owners.auth.grantAdmin(fn);
        break;
      case 'users:login':
        owners.auth.grantLogin(fn);
        break;
      case 'exports:start':
        // The invoke permission on the export job is granted by the stack, once the job exists.
        break;
      default:
        throw new Error(`No construct owns resource ${resource satisfies never}`);
    }
  }
}
