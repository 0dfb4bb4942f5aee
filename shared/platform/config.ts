/** Reads a required setting; a missing one is a deployment mistake, so it fails loudly. */
export function requireEnv(name: string): string {
  const value = process.env[name];
  if (value === undefined || value === '') throw new Error(`Missing environment variable ${name}`);
  return value;
}

export const optionalEnv = (name: string): string | undefined => process.env[name] || undefined;

/** The address of the web app, for links in mails and the calendar feed. */
export const appUrl = () => (optionalEnv('APP_URL') ?? 'http://127.0.0.1:3000').replace(/\/$/, '');

/**
 * The sector's helpline, a setting of each deployment (CDK context helplineEmail, helplinePhone,
 * helplineHours). Without them, as on a developer's machine, the local stand-ins below.
 */
export const LOCAL_HELPLINE = {
  email: 'hulplijn@stagematching.local',
  phone: '02 000 00 00',
  hours: 'werkdagen behalve woensdag, 9.30–12.00 en 13.00–15.00',
};
export const helpline = () => ({
  email: optionalEnv('HELPLINE_EMAIL') ?? LOCAL_HELPLINE.email,
  phone: optionalEnv('HELPLINE_PHONE') ?? LOCAL_HELPLINE.phone,
  hours: optionalEnv('HELPLINE_HOURS') ?? LOCAL_HELPLINE.hours,
});

export const settings = {
  tableName: () => requireEnv('TABLE_NAME'),
  /** The school year this function serves (`2026-2027`). */
  schoolYear: () => requireEnv('SCHOOL_YEAR'),
  /** The registry of school years: a long-lived table beside the years' own tables. */
  yearsTable: () => requireEnv('YEARS_TABLE'),
  exportBucket: () => requireEnv('EXPORT_BUCKET'),
  mailFrom: () => requireEnv('MAIL_FROM'),
  userPoolId: () => requireEnv('USER_POOL_ID'),
  userPoolClientId: () => requireEnv('USER_POOL_CLIENT_ID'),
  /** The secret CloudFront adds to API requests; only the origin-verify authorizer reads it. */
  originVerify: () => requireEnv('ORIGIN_VERIFY'),
};
