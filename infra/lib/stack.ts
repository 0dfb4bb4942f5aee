import { type App, Aspects, CfnOutput, CustomResource, Duration, Stack, type StackProps } from 'aws-cdk-lib';
import type { IUserPool, IUserPoolClient } from 'aws-cdk-lib/aws-cognito';
import type { Construct } from 'constructs';
import { groupOf, HOT_PATH_GROUP } from '#http/function-groups';
import { routes } from '#http/routes';
import { migrationNames } from '#migrations/run';
import { assertSchoolYear } from '#platform/table/table';
import { recurringSchedulesFor, schedulesFor } from '#school-year/schedules';
import { Api, apiDomainOf } from './api';
import { Auth } from './auth';
import { Data } from './data';
import { EdgeStack } from './edge';
import { FunctionAccess, type ResourceOwners } from './grants';
import { InlinePolicies } from './inline-policies';
import { EXPORT_JOB_ID, type JobDef, Jobs } from './jobs';
import { type Helpline, Mail } from './mail';
import { MailFeedback } from './mail-feedback';
import { type MonitoredParts, MonitoringStack, productFunctionsOf } from './monitoring';
import { acknowledge, arnToken } from './nag';
import { acknowledgeReviewedFindings } from './nag-suppressions';
import { OriginGuard } from './origin-guard';
import { Schedules } from './schedules';
import { WarmUp } from './warm-up';
import { Web } from './web';
import { YearOpening } from './year-opening';

export interface StagematchingStackProps extends StackProps {
  schoolYear: string;
  /** Warm instances of the hot path around each opening (`-c warmConcurrency=...`, default 10). */
  warmConcurrency?: number;
  mailFrom: string;
  /** The sector's helpline (`-c helplineEmail=… -c helplinePhone=… -c helplineHours=…`). */
  helpline?: Helpline;
  /** The first admin, invited by mail on deploy. */
  adminEmail?: string;
  webAssetPath: string;
  /** Background functions to deploy (`infra/jobs.ts`). */
  jobs: readonly JobDef[];
  /** The CloudFront web ACL, made in us-east-1 by the school year's EdgeStack. */
  webAclArn: string;
  /** The long-lived user pool (PlatformStack); without it the year has a pool of its own. */
  platform?: { userPool: IUserPool; client: IUserPoolClient };
  /** The product's address (`-c domain=…`): links in mails point there rather than at the year's own. */
  domain?: string;
}

/** Everything one school year runs on. A new school year is a new stack with its own data. */
export class StagematchingStack extends Stack {
  /** What the year's monitoring stack watches (`infra/lib/monitoring.ts`). */
  readonly monitored: MonitoredParts;

  constructor(scope: Construct, id: string, props: StagematchingStackProps) {
    super(scope, id, props);
    // Each role carries its policy inline: one resource per role instead of two.
    Aspects.of(this).add(new InlinePolicies());
    const data = new Data(this, 'Data', { schoolYear: props.schoolYear });
    const auth = new Auth(this, 'Auth', { shared: props.platform });
    const mail = new Mail(this, 'Mail', { mailFrom: props.mailFrom, helpline: props.helpline });
    // Each of these grants access to what it owns; routes and jobs only say what they need.
    const owners: ResourceOwners = { data, auth, mail };
    // One role per permission set, shared by the functions that declare the same resources.
    const access = new FunctionAccess(this, 'Roles', owners);

    const originGuard = new OriginGuard(this, 'OriginGuard', { access });
    const api = new Api(this, 'Api', { routes, owners, access, originGuard });
    const jobs = new Jobs(this, 'Jobs', { jobs: props.jobs, access });
    // The help page's route reads the helpline from its function's settings.
    mail.configureHelpline(api.functions.get(groupOf(api.groups, 'help').id)!);
    // Routes that start a job invoke that one function asynchronously, nothing else. The grant
    // goes on the role of their function's permission set, which only functions serving such
    // routes have (the set contains `exports:start`).
    for (const group of api.groups) {
      if (!group.resources.includes('exports:start')) continue;
      const exporter = jobs.functions.get(EXPORT_JOB_ID);
      if (!exporter)
        throw new Error(`Function ${group.id} starts exports, but no job "${EXPORT_JOB_ID}" is listed`);
      const role = access.roleFor(group.resources);
      exporter.grantInvoke(role);
      api.functions.get(group.id)!.addEnvironment('EXPORT_FUNCTION_NAME', exporter.functionName);
      acknowledge(
        role,
        `AwsSolutions-IAM5[Resource::${arnToken(exporter)}:*]`,
        'lambda:InvokeFunction on the export function and its versions; that one function only.',
      );
    }

    const schedules = new Schedules(this, 'Schedules', {
      schoolYear: props.schoolYear,
      definitions: schedulesFor(props.schoolYear),
      recurring: recurringSchedulesFor(props.schoolYear),
      targets: jobs.functions,
    });

    const web = new Web(this, 'Web', {
      webAssetPath: props.webAssetPath,
      apiDomain: apiDomainOf(api.httpApi),
      apiOriginHeaders: originGuard.originHeaders(),
      webAclArn: props.webAclArn,
      logBucket: data.logBucket,
    });

    // Links in mails point at the app; the distribution exists only now, so the URL comes last.
    const appUrl = `https://${props.domain ?? web.distribution.distributionDomainName}`;
    mail.linkTo(appUrl);

    // The table's data migrations run on deploy, before the deploy counts as done; the list of
    // their names is the property, so a new migration makes CloudFormation call the function again.
    const migrate = access.productFunction(this, 'Migrate', {
      entry: 'functions/notify/migrate.ts',
      description: 'Brings the table up to date on deploy (idempotent migrations)',
      timeout: Duration.minutes(15),
      resources: ['table:write'],
    });
    const migrations = new CustomResource(this, 'Migrations', {
      serviceToken: migrate.functionArn,
      properties: { Migrations: migrationNames().join(',') },
    });
    // The year opens after its migrations: calendar seeded, last year's people carried over.
    new YearOpening(this, 'Opening', {
      schoolYear: props.schoolYear,
      data,
      web,
      apiDomain: apiDomainOf(api.httpApi),
      originSecret: originGuard.secret,
    }).node.addDependency(migrations);

    if (props.adminEmail) {
      const firstAdmin = access.productFunction(this, 'FirstAdmin', {
        entry: 'functions/notify/first-admin.ts',
        description: 'Invites the first admin on deploy',
        timeout: Duration.minutes(1),
        resources: ['table:write', 'users:admin', 'mail:send'],
      });
      new CustomResource(this, 'FirstAdminInvitation', {
        serviceToken: firstAdmin.functionArn,
        properties: { AdminEmail: props.adminEmail },
      });
    }

    new CfnOutput(this, 'AppUrl', { value: `https://${web.distribution.distributionDomainName}/` });
    new CfnOutput(this, 'UserPoolId', { value: auth.userPool.userPoolId });
    new CfnOutput(this, 'TableName', { value: data.table.tableName });

    acknowledgeReviewedFindings(this, { webBucket: web.bucket, userPool: auth.userPool });

    const tick = jobs.functions.get('notify');
    if (!tick) throw new Error('The round mailings tick (job "notify") is not deployed: nothing to watch');
    const hotPath = api.functions.get(HOT_PATH_GROUP);
    if (!hotPath || !api.hotPathAlias) throw new Error('The 12:00 hot path has no function of its own');
    new WarmUp(this, 'WarmUp', {
      hotPath,
      alias: api.hotPathAlias,
      tick,
      concurrency: props.warmConcurrency ?? 10,
    });
    this.monitored = {
      functions: productFunctionsOf(this),
      httpApi: api.httpApi,
      table: data.table,
      deadLetterQueues: [schedules.deadLetters],
      configurationSetName: mail.configurationSet.configurationSetName,
      tick,
    };
  }
}

export const stackNameFor = (schoolYear: string) => `Stagematching-${assertSchoolYear(schoolYear)}`;

export interface SchoolYearProps extends Omit<StagematchingStackProps, 'webAclArn' | 'env'> {
  /** Where the school year runs; its web ACL is always in us-east-1. */
  region: string;
  /** Where the alarms of the year go (`-c alarmEmail=...`). */
  alarmEmail?: string;
}

/**
 * The stacks of a school year: the edge stack in us-east-1 (the CloudFront web ACL, which AWS
 * only accepts there), the school year itself in its own region, which reads the ACL's ARN, and
 * beside it the year's alarms and dashboard (`Stagematching-<year>-Monitoring`).
 * Accounts stay unresolved so that synth works offline; deploy uses the profile's account.
 */
export function defineSchoolYear(app: App, props: SchoolYearProps) {
  const name = stackNameFor(props.schoolYear);
  const edge = new EdgeStack(app, `${name}-Edge`, {
    schoolYear: props.schoolYear,
    env: { region: 'us-east-1' },
    description: `Stagematching gezinszorg, school year ${props.schoolYear}: CloudFront web ACL`,
    tags: props.tags,
  });
  const { region, alarmEmail, ...rest } = props;
  const schoolYear = new StagematchingStack(app, name, {
    ...rest,
    env: { region },
    webAclArn: edge.webAcl.attrArn,
  });
  const monitoring = new MonitoringStack(app, `${name}-Monitoring`, {
    ...schoolYear.monitored,
    schoolYear: props.schoolYear,
    alarmEmail,
    env: { region },
    description: `Stagematching gezinszorg, school year ${props.schoolYear}: alarms and dashboard`,
    tags: props.tags,
  });
  monitoring.addStackDependency(schoolYear);
  // SES's bounces and complaints reach the tick's function, which records them (infra/lib/mail-feedback.ts).
  new MailFeedback(monitoring, 'MailFeedback', {
    configurationSetName: schoolYear.monitored.configurationSetName,
    recorder: schoolYear.monitored.tick,
  });
  return { edge, schoolYear, monitoring };
}
