import { type App, CfnOutput, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import type { IUserPool, IUserPoolClient } from 'aws-cdk-lib/aws-cognito';
import { AttributeType, BillingMode, Table, TableEncryption } from 'aws-cdk-lib/aws-dynamodb';
import { Construct } from 'constructs';
import { TABLE_KEYS, YEARS_TABLE_NAME } from '#platform/table/table';
import { AddressEdgeStack, AddressStack, type HostedZoneRef, stackNames } from './address';
import { Auth } from './auth';
import { acknowledgeUserPool } from './nag-suppressions';

/**
 * What outlives every school year, in one long-lived stack: the user pool (a person keeps their
 * login from year to year) and the registry of school years (which year is current, prepared or
 * archived, its prepared calendar and its retention date). Deployed once, before the first year;
 * each year's stack uses the pool and reads the registry by its fixed name. Both are retained and
 * protected: deleting the stack leaves them.
 *
 * Organisations, people, contacts and supervisors outlive a year too, but they live in each year's
 * own table, carried over into the next one when it opens (docs/decisions/school-years.md says why).
 */
export class PlatformStack extends Stack {
  readonly userPool: IUserPool;
  readonly client: IUserPoolClient;
  readonly years: Table;

  constructor(scope: Construct, id: string, props: StackProps) {
    super(scope, id, props);
    // The same construct path as a year's own pool had, so the pool's rules are read in one place.
    const { userPool, client } = Auth.createPool(new Construct(this, 'Auth'));
    acknowledgeUserPool(userPool);
    this.userPool = userPool;
    this.client = client;

    this.years = new Table(this, 'Years', {
      tableName: YEARS_TABLE_NAME,
      partitionKey: { name: TABLE_KEYS.partitionKey, type: AttributeType.STRING },
      sortKey: { name: TABLE_KEYS.sortKey, type: AttributeType.STRING },
      billingMode: BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: true,
      encryption: TableEncryption.AWS_MANAGED,
      removalPolicy: RemovalPolicy.RETAIN,
    });

    new CfnOutput(this, 'UserPoolId', { value: userPool.userPoolId });
    new CfnOutput(this, 'YearsTable', { value: this.years.tableName });
  }
}

export interface PlatformOptions {
  /** Where the platform and the school years run (the address's certificate and ACL: us-east-1). */
  region: string;
  /** The product's address, e.g. `stagematching.example.be`; without it each year keeps its *.cloudfront.net. */
  domain?: string;
  /** An ACM certificate in us-east-1 for the domain and `*.<domain>`, or a hosted zone to make one in. */
  certificateArn?: string;
  hostedZone?: HostedZoneRef;
  /** The year the address serves. */
  currentYear: string;
  /** Years also reachable at `<year>.<domain>` (the archived ones, the next one before the switch). */
  otherYears?: readonly string[];
  tags?: Record<string, string>;
}

/** The platform stack and, with a domain, the address: its edge stack (us-east-1) and its distribution. */
export function definePlatform(app: App, options: PlatformOptions) {
  const platform = new PlatformStack(app, stackNames.platform, {
    env: { region: options.region },
    description: 'Stagematching gezinszorg: what outlives a school year (user pool, registry of years)',
    tags: options.tags,
  });
  if (!options.domain) return { platform, address: null };
  const edge = new AddressEdgeStack(app, `${stackNames.address}-Edge`, {
    env: { region: 'us-east-1' },
    description: `Stagematching gezinszorg: web ACL and certificate of ${options.domain}`,
    domain: options.domain,
    certificateArn: options.certificateArn,
    hostedZone: options.hostedZone,
    tags: options.tags,
  });
  const address = new AddressStack(app, stackNames.address, {
    env: { region: options.region },
    description: `Stagematching gezinszorg: ${options.domain}, serving ${options.currentYear}`,
    domain: options.domain,
    currentYear: options.currentYear,
    otherYears: options.otherYears ?? [],
    certificateArn: edge.certificateArn,
    webAclArn: edge.webAcl.attrArn,
    hostedZone: options.hostedZone,
    tags: options.tags,
  });
  return { platform, address, edge };
}
