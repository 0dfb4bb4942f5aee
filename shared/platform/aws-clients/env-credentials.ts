import { fromEnv } from '@aws-sdk/credential-provider-env';

/**
 * Stands in for `@aws-sdk/credential-provider-node` in the Lambda bundles (an esbuild alias, see
 * `#http/bundling`). A Lambda finds its role's credentials in the environment; the default chain's
 * other sources (profiles, SSO, web identity, instance metadata, with their own STS and SSO
 * clients) are about 100 KB that every cold start would load for nothing.
 */
export const defaultProvider = (init?: Parameters<typeof fromEnv>[0]) => fromEnv(init);
