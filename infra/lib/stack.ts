import { CfnOutput, CustomResource, Duration, Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { routes } from '#http/routes';
import { assertSchoolYear, tableNameFor } from '#platform/table/table';
import { schedulesFor } from '#school-year/schedules';
import { Api, apiDomainOf } from './api';
import { Auth } from './auth';
import { Data } from './data';
import { productFunction } from './lambda';
import { Mail } from './mail';
import { acknowledge, arnToken } from './nag';
import { acknowledgeReviewedFindings } from './nag-suppressions';
import { Schedules } from './schedules';
import { Web } from './web';

export interface StagematchingStackProps extends StackProps {
  schoolYear: string;
  mailFrom: string;
  /** The first admin, invited by mail on deploy. */
  adminEmail?: string;
  webAssetPath: string;
}

/** Everything one school year runs on. A new school year is a new stack with its own data. */
export class StagematchingStack extends Stack {
  constructor(scope: Construct, id: string, props: StagematchingStackProps) {
    super(scope, id, props);
    const mailDomain = /@([^>\s]+)>?$/.exec(props.mailFrom)?.[1];
    if (!mailDomain) throw new Error(`mailFrom must contain an address, got "${props.mailFrom}"`);

    const data = new Data(this, 'Data', { schoolYear: props.schoolYear });
    const auth = new Auth(this, 'Auth');
    const mail = new Mail(this, 'Mail', { mailDomain });

    const environment = {
      SCHOOL_YEAR: props.schoolYear,
      TABLE_NAME: tableNameFor(props.schoolYear),
      EXPORT_BUCKET: data.exportBucket.bucketName,
      MAIL_FROM: props.mailFrom,
      SES_CONFIGURATION_SET: mail.configurationSet.configurationSetName,
      USER_POOL_ID: auth.userPool.userPoolId,
      USER_POOL_CLIENT_ID: auth.client.userPoolClientId,
      POWERTOOLS_SERVICE_NAME: 'stagematching',
      PII_KMS_KEY_ID: data.personalDataKey.keyArn,
    };

    const api = new Api(this, 'Api', {
      routes,
      environment,
      table: data.table,
      exportBucket: data.exportBucket,
      userPool: auth.userPool,
      client: auth.client,
      sesIdentityArn: mail.identityArn,
      configurationSetArn: mail.configurationSetArn,
      personalDataKey: data.personalDataKey,
    });

    const notify = productFunction(this, 'Notify', {
      entry: 'functions/notify/round-mailing.ts',
      description: 'Round start, close and reminder mailings',
      environment,
    });
    data.table.grantReadData(notify);
    notify.addToRolePolicy(api.sendMailStatement(mail.identityArn, mail.configurationSetArn));

    const outcomeReminders = productFunction(this, 'OutcomeReminders', {
      entry: 'functions/notify/outcome-reminders.ts',
      description: 'Dual learning: reminds services of invitations without an outcome',
      environment,
    });
    // Reads decisions and services; writes one marker per service and day (sends at most once).
    data.table.grantReadWriteData(outcomeReminders);
    outcomeReminders.addToRolePolicy(api.sendMailStatement(mail.identityArn, mail.configurationSetArn));

    const exporter = productFunction(this, 'Export', {
      entry: 'functions/export/export-list.ts',
      description: 'Builds export files',
      environment,
    });
    data.table.grantReadData(exporter);
    data.exportBucket.grantReadWrite(exporter, 'exports/*');
    for (const action of ['GetObject*', 'GetBucket*', 'List*', 'DeleteObject*', 'Abort*']) {
      acknowledge(
        exporter.role!,
        `AwsSolutions-IAM5[Action::s3:${action}]`,
        'CDK read/write grant, limited to the exports/ prefix of the export bucket.',
      );
    }
    acknowledge(
      exporter.role!,
      `AwsSolutions-IAM5[Resource::${arnToken(data.exportBucket)}/exports/*]`,
      'Export files have generated names under exports/; the function writes and presigns only there.',
    );

    new Schedules(this, 'Schedules', {
      schoolYear: props.schoolYear,
      definitions: schedulesFor(props.schoolYear),
      targets: { notify, outcomeReminders },
    });

    const web = new Web(this, 'Web', {
      webAssetPath: props.webAssetPath,
      apiDomain: apiDomainOf(api.httpApi),
      logBucket: data.logBucket,
    });

    // Links in mails point at the app; the distribution exists only now, so the URL comes last.
    const appUrl = `https://${web.distribution.distributionDomainName}`;
    for (const fn of [...api.functions.values(), notify, outcomeReminders, exporter])
      fn.addEnvironment('APP_URL', appUrl);

    if (props.adminEmail) {
      const firstAdmin = productFunction(this, 'FirstAdmin', {
        entry: 'functions/notify/first-admin.ts',
        description: 'Invites the first admin on deploy',
        environment: { ...environment, APP_URL: appUrl },
        timeout: Duration.minutes(1),
      });
      data.table.grantReadWriteData(firstAdmin);
      firstAdmin.addToRolePolicy(api.sendMailStatement(mail.identityArn, mail.configurationSetArn));
      acknowledge(
        firstAdmin.role!,
        `AwsSolutions-IAM5[Resource::${arnToken(data.table)}/index/*]`,
        'Looks up the admin organisation on the table index; this table only.',
      );
      new CustomResource(this, 'FirstAdminInvitation', {
        serviceToken: firstAdmin.functionArn,
        properties: { AdminEmail: props.adminEmail },
      });
    }

    new CfnOutput(this, 'AppUrl', { value: `https://${web.distribution.distributionDomainName}/` });
    new CfnOutput(this, 'UserPoolId', { value: auth.userPool.userPoolId });
    new CfnOutput(this, 'TableName', { value: data.table.tableName });

    acknowledgeReviewedFindings(this, {
      table: data.table,
      webBucket: web.bucket,
      userPool: auth.userPool,
      functions: [...api.functions.values(), notify, outcomeReminders, exporter],
    });
  }
}

export const stackNameFor = (schoolYear: string) => `Stagematching-${assertSchoolYear(schoolYear)}`;
