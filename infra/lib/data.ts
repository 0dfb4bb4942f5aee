import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import { AttributeType, BillingMode, type ITable, Table, TableEncryption } from 'aws-cdk-lib/aws-dynamodb';
import type { IRole } from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import type { Function as LambdaFunction } from 'aws-cdk-lib/aws-lambda';
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import type { Resource } from '#http/route-types';
import {
  TABLE_INDEXES,
  TABLE_KEYS,
  TTL_ATTRIBUTE,
  tableNameFor,
  YEARS_TABLE_NAME,
} from '#platform/table/table';
import { acknowledge, arnToken } from './nag';

/** How long an export file exists; its link expires after minutes, the file after days. */
export const EXPORT_RETENTION_DAYS = 7;

/** The resources of the route table that this construct owns. */
export type DataResource = Extract<
  Resource,
  `table:${string}` | `exports:${string}` | `pii:${string}` | `years:${string}`
>;

/** Where export files live inside the export bucket; functions get no further than this prefix. */
const EXPORT_PREFIX = 'exports/*';

/** The school year's data: the table, the export bucket, the personal-data key and the log bucket. */
export class Data extends Construct {
  readonly table: Table;
  readonly exportBucket: Bucket;
  readonly logBucket: Bucket;
  /** Seals personal data (national register numbers) with envelope encryption. */
  readonly personalDataKey: Key;

  /** The registry of school years: the platform's long-lived table (PlatformStack). */
  readonly years: ITable;

  private readonly schoolYear: string;

  constructor(scope: Construct, id: string, props: { schoolYear: string; yearsTableName?: string }) {
    super(scope, id);
    this.schoolYear = props.schoolYear;
    this.years = Table.fromTableName(this, 'Years', props.yearsTableName ?? YEARS_TABLE_NAME);
    this.table = new Table(this, 'Table', {
      tableName: tableNameFor(props.schoolYear),
      partitionKey: { name: TABLE_KEYS.partitionKey, type: AttributeType.STRING },
      sortKey: { name: TABLE_KEYS.sortKey, type: AttributeType.STRING },
      billingMode: BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: true,
      encryption: TableEncryption.AWS_MANAGED,
      timeToLiveAttribute: TTL_ATTRIBUTE,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    for (const index of TABLE_INDEXES) {
      this.table.addGlobalSecondaryIndex({
        indexName: index.name,
        partitionKey: { name: index.partitionKey, type: AttributeType.STRING },
        sortKey: { name: index.sortKey, type: AttributeType.STRING },
      });
    }

    this.personalDataKey = new Key(this, 'PersonalDataKey', {
      description: `Stagematching ${props.schoolYear}: envelope key for national register numbers`,
      enableKeyRotation: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });

    // Server access logs of the buckets land here. (CloudFront's standard logs are off: see Web.)
    this.logBucket = new Bucket(this, 'AccessLogs', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      encryption: BucketEncryption.S3_MANAGED,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_PREFERRED,
      lifecycleRules: [{ expiration: Duration.days(365) }],
      removalPolicy: RemovalPolicy.RETAIN,
    });

    this.exportBucket = new Bucket(this, 'Exports', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      encryption: BucketEncryption.S3_MANAGED,
      lifecycleRules: [{ expiration: Duration.days(EXPORT_RETENTION_DAYS) }],
      serverAccessLogsBucket: this.logBucket,
      serverAccessLogsPrefix: 'exports/',
      removalPolicy: RemovalPolicy.DESTROY,
      autoDeleteObjects: false,
    });
  }

  /**
   * Lets a role use one of this construct's resources. Every function of a permission set shares
   * one role (`FunctionAccess`), so this runs once per set, not once per function.
   */
  grant(role: IRole, resource: DataResource): void {
    switch (resource) {
      case 'table:read':
      case 'table:write':
        if (resource === 'table:read') this.table.grantReadData(role);
        else this.table.grantReadWriteData(role);
        // Every write checks in the registry whether the year is archived (shared/http/archived-year.ts).
        this.years.grantReadData(role);
        acknowledge(
          role,
          `AwsSolutions-IAM5[Resource::${arnToken(this.table)}/index/*]`,
          "Queries the table's global secondary indexes; the grant covers this table's indexes only.",
        );
        return;
      case 'exports:read':
      case 'exports:write': {
        this.exportBucket.grantRead(role, EXPORT_PREFIX);
        const actions = ['GetObject*', 'GetBucket*', 'List*'];
        if (resource === 'exports:write') {
          this.exportBucket.grantPut(role, EXPORT_PREFIX);
          actions.push('Abort*');
        }
        for (const action of actions) {
          acknowledge(
            role,
            `AwsSolutions-IAM5[Action::s3:${action}]`,
            'CDK bucket grant, limited to the exports/ prefix of the export bucket.',
          );
        }
        acknowledge(
          role,
          `AwsSolutions-IAM5[Resource::${arnToken(this.exportBucket)}/${EXPORT_PREFIX}]`,
          'Export files have generated names under exports/; functions read, write and presign only there.',
        );
        return;
      }
      case 'exports:erase': {
        this.exportBucket.grantRead(role, EXPORT_PREFIX);
        this.exportBucket.grantDelete(role, EXPORT_PREFIX);
        for (const action of ['GetObject*', 'GetBucket*', 'List*', 'DeleteObject*']) {
          acknowledge(
            role,
            `AwsSolutions-IAM5[Action::s3:${action}]`,
            'CDK bucket grant, limited to the exports/ prefix: the erasure lists and deletes the export files.',
          );
        }
        acknowledge(
          role,
          `AwsSolutions-IAM5[Resource::${arnToken(this.exportBucket)}/${EXPORT_PREFIX}]`,
          'The erasure deletes every export file of the year, all under exports/.',
        );
        return;
      }
      case 'pii:encrypt':
        this.personalDataKey.grant(role, 'kms:GenerateDataKey');
        return;
      case 'pii:decrypt':
        this.personalDataKey.grantDecrypt(role);
        return;
      case 'years:write':
        this.years.grantReadWriteData(role);
        return;
    }
  }

  /**
   * Tells a function where one of this construct's resources is: the table's name and school
   * year, the export bucket, or the key's ARN. The access itself comes from its role (`grant`).
   */
  configure(fn: LambdaFunction, resource: DataResource): void {
    switch (resource) {
      case 'table:read':
      case 'table:write':
        fn.addEnvironment('TABLE_NAME', this.table.tableName);
        fn.addEnvironment('SCHOOL_YEAR', this.schoolYear);
        fn.addEnvironment('YEARS_TABLE', this.years.tableName);
        return;
      case 'exports:read':
      case 'exports:write':
      case 'exports:erase':
        fn.addEnvironment('EXPORT_BUCKET', this.exportBucket.bucketName);
        return;
      case 'pii:encrypt':
      case 'pii:decrypt':
        fn.addEnvironment('PII_KMS_KEY_ID', this.personalDataKey.keyArn);
        return;
      case 'years:write':
        fn.addEnvironment('SCHOOL_YEAR', this.schoolYear);
        fn.addEnvironment('YEARS_TABLE', this.years.tableName);
        return;
    }
  }
}
