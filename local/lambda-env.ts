import { join } from 'node:path';
import { LOCAL_HELPLINE } from '#platform/config';
import { YEARS_TABLE_NAME } from '#platform/table/table';
import type { LocalUserPool } from './bootstrap';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from './local-clients';

export const exportBucketFor = (schoolYear: string) => `stagematching-exports-${schoolYear}`;

/** The environment the Lambda handlers get locally, as the CDK stack sets it in AWS. */
export function localLambdaEnv(options: {
  schoolYear: string;
  dataDir: string;
  tableName: string;
  endpoints: { dynamodb: string; s3: string; ses: string; cognito: string };
  userPool: LocalUserPool;
  mailFrom?: string;
}): Record<string, string> {
  return {
    AWS_REGION: LOCAL_REGION,
    AWS_ACCESS_KEY_ID: LOCAL_CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: LOCAL_CREDENTIALS.secretAccessKey,
    AWS_ENDPOINT_URL_DYNAMODB: options.endpoints.dynamodb,
    AWS_ENDPOINT_URL_S3: options.endpoints.s3,
    AWS_ENDPOINT_URL_SESV2: options.endpoints.ses,
    AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER: options.endpoints.cognito,
    SCHOOL_YEAR: options.schoolYear,
    TABLE_NAME: options.tableName,
    YEARS_TABLE: YEARS_TABLE_NAME,
    EXPORT_BUCKET: exportBucketFor(options.schoolYear),
    // In AWS the API invokes the export Lambda; locally the local server runs it in-process.
    EXPORT_FUNCTION_NAME: 'local',
    MAIL_FROM: options.mailFrom ?? 'Stagematching <no-reply@stagematching.local>',
    // The helpline on the help page and under every mail: HELPLINE_EMAIL=… npm start shows another.
    HELPLINE_EMAIL: process.env.HELPLINE_EMAIL || LOCAL_HELPLINE.email,
    HELPLINE_PHONE: process.env.HELPLINE_PHONE || LOCAL_HELPLINE.phone,
    HELPLINE_HOURS: process.env.HELPLINE_HOURS || LOCAL_HELPLINE.hours,
    USER_POOL_ID: options.userPool.userPoolId,
    USER_POOL_CLIENT_ID: options.userPool.clientId,
    // The local app is plain HTTP on 127.0.0.1; in AWS cookies are always Secure.
    COOKIE_SECURE: 'false',
    // Stands in for the KMS key: national register numbers are sealed with this key file.
    PII_KEY_FILE: join(options.dataDir, 'keys', 'personal-data.key'),
    // Metric lines (shared/platform/metrics.ts) are for CloudWatch, which is not here: they would
    // only crowd the console and the test output. POWERTOOLS_METRICS_DISABLED=false shows them.
    POWERTOOLS_METRICS_DISABLED: process.env.POWERTOOLS_METRICS_DISABLED ?? 'true',
  };
}
