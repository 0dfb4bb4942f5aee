/**
 * How a Lambda entry is bundled: the esbuild options of `infra/lib/lambda.ts`, plus what keeps a
 * cold start light. `npm run bench` bundles every route with these and prints size and cold import
 * time; the CDK stack (infra/lib/lambda.ts) bundles with the same.
 */
export const LAMBDA_ESBUILD = {
  bundle: true,
  platform: 'node',
  target: 'node24',
  format: 'esm',
  minify: true,
  mainFields: ['module', 'main'],
  // Some bundled dependencies still call require(); ESM output needs one provided.
  banner: { js: "import { createRequire as __cr } from 'module'; const require = __cr(import.meta.url);" },
  // The map stays beside the bundle for reading stack traces offline, without the sources in it.
  sourcemap: true,
  sourcesContent: false,
  legalComments: 'none',
  alias: {
    // Lambda credentials come from the environment: not the whole default provider chain.
    '@aws-sdk/credential-provider-node': './shared/platform/aws-clients/env-credentials.ts',
  },
} as const;

/** Node options of every function: none (no `--enable-source-maps`, see infra/lib/lambda.ts). */
export const LAMBDA_NODE_OPTIONS = '';
