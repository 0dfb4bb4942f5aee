import { type IRole, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { Function as LambdaFunction } from 'aws-cdk-lib/aws-lambda';
import type { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { Construct } from 'constructs';
import { permissionSetOf } from '#http/function-groups';
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

/** `['mail:send', 'table:write']` → `MailSendTableWrite`; the empty set → `LogsOnly`. */
const roleIdOf = (set: readonly Resource[]) =>
  set.length === 0
    ? 'LogsOnly'
    : set.map((r) => r.replace(/(^|:)(\w)/g, (_, __, c: string) => c.toUpperCase())).join('');

/**
 * The IAM roles of the product's functions: one per permission set. Functions that declare the
 * same resources (the API's functions, jobs, in any order) share one role and its one policy,
 * which the owners grant once; each function still gets the settings of its own resources. Least
 * privilege stays per set: a role has exactly what its set declares.
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
    for (const resource of set) ownerOf(resource, this.owners).grant(role);
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
    for (const resource of permissionSetOf(resources)) ownerOf(resource, this.owners).configure(fn);
    return fn;
  }
}

/**
 * The construct that owns a declared resource, as two acts: granting a permission set's role its
 * IAM actions, and giving one function its settings (names, ARNs, addresses). This only routes;
 * the owners know their ARNs and their IAM actions.
 */
function ownerOf(
  resource: Resource,
  owners: ResourceOwners,
): { grant(role: IRole): void; configure(fn: LambdaFunction): void } {
  switch (resource) {
    case 'table:read':
    case 'table:write':
    case 'exports:read':
    case 'exports:write':
    case 'exports:erase':
    case 'pii:encrypt':
    case 'pii:decrypt':
    case 'years:write':
      return {
        grant: (role) => owners.data.grant(role, resource),
        configure: (fn) => owners.data.configure(fn, resource),
      };
    case 'mail:send':
      return {
        grant: (role) => owners.mail.grantSend(role),
        configure: (fn) => owners.mail.configureSender(fn),
      };
    case 'users:admin':
      return {
        grant: (role) => owners.auth.grantAdmin(role),
        configure: (fn) => owners.auth.configureAdmin(fn),
      };
    case 'users:login':
      // InitiateAuth is not authorised by IAM: nothing to grant (see Auth.configureLogin).
      return { grant: () => {}, configure: (fn) => owners.auth.configureLogin(fn) };
    case 'exports:start':
      // The invoke permission on the export job and its name are set by the stack, once the job exists.
      return { grant: () => {}, configure: () => {} };
    default:
      throw new Error(`No construct owns resource ${resource satisfies never}`);
  }
}
