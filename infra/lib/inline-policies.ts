import { type IAspect, Stack } from 'aws-cdk-lib';
import { CfnPolicy, CfnRole } from 'aws-cdk-lib/aws-iam';
import type { IConstruct } from 'constructs';

/**
 * Moves every role's separate policy (`AWS::IAM::Policy`, the "DefaultPolicy" that CDK grants
 * write to) into the role itself, as an inline policy of `AWS::IAM::Role`. Same statements, same
 * least privilege, same IAM size limit (both are inline policies of the role), one CloudFormation
 * resource instead of two per role: a school year's stack counts against CloudFormation's 500.
 *
 * Runs as an aspect, before CDK turns construct dependencies into `DependsOn`: what depended on a
 * policy now depends on nothing extra, which is right, because a role's inline policies exist
 * as soon as the role does. Policies shared by several roles, or given to users or groups, stay
 * as they are.
 */
export class InlinePolicies implements IAspect {
  visit(node: IConstruct): void {
    if (!(node instanceof CfnPolicy)) return;
    // CDK fills these lazily: resolved, they are plain lists (or nothing).
    const stack = Stack.of(node);
    const resolved = (list: unknown) => (stack.resolve(list) as unknown[] | undefined) ?? [];
    if (resolved(node.users).length > 0 || resolved(node.groups).length > 0) return;
    const roles = resolved(node.roles);
    if (roles.length !== 1) return;
    const role = roleNamed(stack, roles[0]);
    if (!role) return;
    const existing = Array.isArray(role.policies) ? role.policies : [];
    role.policies = [...existing, { policyName: node.policyName, policyDocument: node.policyDocument }];
    node.node.scope?.node.tryRemoveChild(node.node.id);
  }
}

/** The role in `stack` whose `Ref` the policy names; none if it lives elsewhere. */
function roleNamed(stack: Stack, ref: unknown): CfnRole | undefined {
  const wanted = JSON.stringify(ref);
  return stack.node
    .findAll()
    .find(
      (c): c is CfnRole =>
        c instanceof CfnRole && Stack.of(c) === stack && JSON.stringify(stack.resolve(c.ref)) === wanted,
    );
}
