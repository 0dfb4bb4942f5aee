import { optionalEnv } from '#platform/config';

/**
 * In the local stack the standard AWS_ENDPOINT_URL_<SERVICE> variables point the clients at the
 * emulators; in AWS they are unset.
 */
export const endpoint = (service: string) => optionalEnv(`AWS_ENDPOINT_URL_${service}`);
