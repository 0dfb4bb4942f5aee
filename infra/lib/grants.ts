import { type IRole, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { Function as LambdaFunction } from 'aws-cdk-lib/aws-lambda';
import type { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { Construct } from 'constructs';
import type { Resource } from '#http/route-types';
import type { Auth } from './auth';
import type { Data } from './data';
import { functionLogs, type ProductFunctionProps, productFunction } from './lambda';
import type { Mail } from './mail';

/** The constructs that own what a function may touch; each grants access to its own resources. */
export interface ResourceOwners {
  data: Data;
  auth: Auth;
  mail: Mail;
}

/** A permission set: the declared resources without repeats, in one order. */
export const permissionSetOf = (resources: readonly Resource[]): Resource[] => [...new Set(resources)].sort();

/** `['mail:send', 'table:write']` → `MailSendTableWrite`; the empty set → `LogsOnly`. */
const roleIdOf = (set: readonly Resource[]) =>
  set.length === 0
    ? 'LogsOnly'
    : set.map((r) => r.replace(/(^|:)(\w)/g, (_, __, c: string) => c.toUpperCase())).join('');

/**
 * The IAM roles of the product's functions: one per permission set. Functions that declare the
 * same resources (routes, jobs, in any order) share one role and its one policy, which the owners
 * grant once; each function still gets the settings of its own resources. A role per function
 * would cost two CloudFormation resources (role and policy) per route, and a stack holds at most
 * 500. Least privilege stays per set: a role has exactly what its set declares.
 */
export class FunctionAccess extends Construct {
  private readonly roles = new Map<string, Role>();

  constructor(
    scope: Construct,
    id: string,
    private readonly owners: ResourceOwners,
  ) {
    super(scope, id);
  }

  /** The role of exactly this permission set, made and granted the first time the set is asked for. */
  roleFor(resources: readonly Resource[]): Role {
    const set = permissionSetOf(resources);
    const key = set.join(',');
    const existing = this.roles.get(key);
    if (existing) return existing;
    const role = new Role(this, roleIdOf(set), {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: `Product functions that may use: ${set.join(', ') || 'their logs only'}`,
    });
    // The product's one log group, never AWSLambdaBasicExecutionRole (every group of the account).
    functionLogs(this).grantWrite(role);
    for (const resource of set) grantResource(role, resource, this.owners);
    this.roles.set(key, role);
    return role;
  }

  /** A product function that may touch exactly `resources`: its set's role, its resources' settings. */
  productFunction(
    scope: Construct,
    id: string,
    props: Omit<ProductFunctionProps, 'role'> & { resources: readonly Resource[] },
  ): NodejsFunction {
    const { resources, ...rest } = props;
    const fn = productFunction(scope, id, { ...rest, role: this.roleFor(resources) });
    for (const resource of permissionSetOf(resources)) configureResource(fn, resource, this.owners);
    return fn;
  }
}

/**
 * Hands a declared resource to the construct that owns it, for the role of a permission set.
 * This only routes; the owners know their ARNs and their IAM actions.
 */
function grantResource(role: IRole, resource: Resource, owners: ResourceOwners): void {
  switch (resource) {
    case 'table:read':
    case 'table:write':
    case 'exports:read':
    case 'exports:write':
    case 'pii:encrypt':
    case 'pii:decrypt':
      owners.data.grant(role, resource);
      return;
    case 'mail:send':
      owners.mail.grantSend(role);
      return;
    case 'users:admin':
      owners.auth.grantAdmin(role);
      return;
    case 'users:login':
      // InitiateAuth is not authorised by IAM: nothing to grant (see Auth.configureLogin).
      return;
    case 'exports:start':
      // The invoke permission on the export job is granted by the stack, once the job exists.
      return;
    default:
      throw new Error(`No construct owns resource ${resource satisfies never}`);
  }
}

/** Lets the owner of a declared resource give one function its settings (names, ARNs, addresses). */
function configureResource(fn: LambdaFunction, resource: Resource, owners: ResourceOwners): void {
  switch (resource) {
    case 'table:read':
    case 'table:write':
    case 'exports:read':
    case 'exports:write':
    case 'pii:encrypt':
    case 'pii:decrypt':
      owners.data.configure(fn, resource);
      return;
    case 'mail:send':
      owners.mail.configureSender(fn);
      return;
    case 'users:admin':
      owners.auth.configureAdmin(fn);
      return;
    case 'users:login':
      owners.auth.configureLogin(fn);
      return;
    case 'exports:start':
      // The export function's name is set by the stack, once the job exists.
      return;
    default:
      throw new Error(`No construct owns resource ${resource satisfies never}`);
  }
}
