import { Aws, CustomResource, Duration } from 'aws-cdk-lib';
import { Table } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import type { Bucket } from 'aws-cdk-lib/aws-s3';
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import { StringParameter } from 'aws-cdk-lib/aws-ssm';
import { Construct } from 'constructs';
import { tableNameFor } from '#platform/table/table';
import { followingYear } from '#school-year/next-year';
import type { Data } from './data';
import { functionLogs, productFunction } from './lambda';
import { acknowledge } from './nag';

/** Where a school year tells the platform's address how to reach it (SSM parameters by name). */
export const addressParameter = (
  schoolYear: string,
  name: 'web-bucket' | 'api-domain' | 'origin-secret' | 'open-year',
) => `/stagematching/${schoolYear}/address/${name}`;

export interface YearOpeningProps {
  schoolYear: string;
  data: Data;
  web: { bucket: Bucket };
  apiDomain: string;
  originSecret: ISecret;
}

/**
 * What makes a school year part of the platform: on its deploy it opens (its calendar seeded from
 * the calendar prepared for it, last year's organisations, people, logins, contacts and supervisors
 * carried over: shared/school-year/opening.ts), and it publishes how the platform's address reaches
 * it, so that switching the address to this year is a deploy of the address alone.
 *
 * The opening function reads last year's table (the carry-over) and writes this year's table and
 * the registry; no other function may read another year's table, so it has a role of its own.
 */
export class YearOpening extends Construct {
  readonly function: NodejsFunction;

  constructor(scope: Construct, id: string, props: YearOpeningProps) {
    super(scope, id);
    const role = new Role(this, 'Role', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: "Opens the school year: seeds its calendar, carries last year's lasting data over",
    });
    functionLogs(this).grantWrite(role);
    props.data.grant(role, 'table:write');
    props.data.grant(role, 'years:write');
    const lastYear = followingYear(props.schoolYear, -1);
    Table.fromTableName(this, 'LastYear', tableNameFor(lastYear)).grantReadData(role);
    acknowledge(
      role,
      `AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:dynamodb:<AWS::Region>:<AWS::AccountId>:table/${tableNameFor(lastYear)}/index/*]`,
      "CDK table grant: the carry-over reads last year's table (scan), which includes its indexes.",
    );
    this.function = productFunction(this, 'Function', {
      entry: 'functions/notify/open-year.ts',
      description: "Opens the school year on deploy and at the address's switch (idempotent)",
      timeout: Duration.minutes(15),
      role,
    });
    props.data.configure(this.function, 'table:write');
    props.data.configure(this.function, 'years:write');
    new CustomResource(this, 'OnDeploy', {
      serviceToken: this.function.functionArn,
      properties: { SchoolYear: props.schoolYear, From: lastYear },
    });

    // The platform's address serves this year's web app from its bucket too: any distribution of
    // this account may read it through origin access control (the files are the public web app).
    props.web.bucket.addToResourcePolicy(
      new PolicyStatement({
        principals: [new ServicePrincipal('cloudfront.amazonaws.com')],
        actions: ['s3:GetObject'],
        resources: [props.web.bucket.arnForObjects('*')],
        conditions: {
          StringLike: {
            'AWS:SourceArn': `arn:${Aws.PARTITION}:cloudfront::${Aws.ACCOUNT_ID}:distribution/*`,
          },
        },
      }),
    );
    const publish = (name: Parameters<typeof addressParameter>[1], value: string) =>
      new StringParameter(this, `Address-${name}`, {
        parameterName: addressParameter(props.schoolYear, name),
        stringValue: value,
        description: `How the platform's address reaches school year ${props.schoolYear}`,
      });
    publish('web-bucket', props.web.bucket.bucketName);
    publish('api-domain', props.apiDomain);
    // The secret's ARN, never its value: the address resolves it on deploy, as this year's web does.
    publish('origin-secret', props.originSecret.secretArn);
    publish('open-year', this.function.functionArn);
  }
}
