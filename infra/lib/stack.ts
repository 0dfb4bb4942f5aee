import { CfnOutput, CustomResource, Duration, Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { routes } from '#http/routes';
import { assertSchoolYear } from '#platform/table/table';
import { schedulesFor } from '#school-year/schedules';
import { Api, apiDomainOf } from './api';
import { Auth } from './auth';
import { Data } from './data';
import { grantResources, type ResourceOwners } from './grants';
import { type JobDef, Jobs } from './jobs';
import { productFunction } from './lambda';
import { Mail } from './mail';
import { acknowledgeReviewedFindings } from './nag-suppressions';
import { Schedules } from './schedules';
import { Web } from './web';

export interface StagematchingStackProps extends StackProps {
  schoolYear: string;
  mailFrom: string;
  /** The first admin, invited by mail on deploy. */
  adminEmail?: string;
  webAssetPath: string;
  /** Background functions to deploy (`infra/jobs.ts`). */
  jobs: readonly JobDef[];
}

/** Everything one school year runs on. A new school year is a new stack with its own data. */
export class StagematchingStack extends Stack {
  constructor(scope: Construct, id: string, props: StagematchingStackProps) {
    super(scope, id, props);
    const data = new Data(this, 'Data', { schoolYear: props.schoolYear });
    const auth = new Auth(this, 'Auth');
    const mail = new Mail(this, 'Mail', { mailFrom: props.mailFrom });
    // Each of these grants access to what it owns; routes and jobs only say what they need.
    const owners: ResourceOwners = { data, auth, mail };

    const api = new Api(this, 'Api', { routes, owners });
    const jobs = new Jobs(this, 'Jobs', { jobs: props.jobs, owners });

    new Schedules(this, 'Schedules', {
      schoolYear: props.schoolYear,
      definitions: schedulesFor(props.schoolYear),
      targets: jobs.functions,
    });

    const web = new Web(this, 'Web', {
      webAssetPath: props.webAssetPath,
      apiDomain: apiDomainOf(api.httpApi),
      logBucket: data.logBucket,
    });

    // Links in mails point at the app; the distribution exists only now, so the URL comes last.
    const appUrl = `https://${web.distribution.distributionDomainName}`;
    mail.linkTo(appUrl);

    if (props.adminEmail) {
      const firstAdmin = productFunction(this, 'FirstAdmin', {
        entry: 'functions/notify/first-admin.ts',
        description: 'Invites the first admin on deploy',
        timeout: Duration.minutes(1),
      });
      grantResources(firstAdmin, ['table:write', 'users:admin', 'mail:send'], owners);
      new CustomResource(this, 'FirstAdminInvitation', {
        serviceToken: firstAdmin.functionArn,
        properties: { AdminEmail: props.adminEmail },
      });
    }

    new CfnOutput(this, 'AppUrl', { value: `https://${web.distribution.distributionDomainName}/` });
    new CfnOutput(this, 'UserPoolId', { value: auth.userPool.userPoolId });
    new CfnOutput(this, 'TableName', { value: data.table.tableName });

    acknowledgeReviewedFindings(this, { webBucket: web.bucket, userPool: auth.userPool });
  }
}

export const stackNameFor = (schoolYear: string) => `Stagematching-${assertSchoolYear(schoolYear)}`;
