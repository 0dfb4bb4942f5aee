/** Ports and credentials of `npm start`, shared with the scripts that talk to a running stack. */
const port = (name: string, fallback: number) => Number(process.env[name] ?? fallback);

export const localPorts = () => ({
  app: port('PORT', 3000),
  mail: port('MAIL_PORT', 8005),
  dynamodb: port('DYNAMODB_PORT', 8000),
  s3: port('S3_PORT', 4569),
  cognito: port('COGNITO_PORT', 9229),
});

/** `SCHOOL_YEAR=2027-2028 npm start` serves (and switches to) that year; without it, the current one. */
export const localSchoolYear = () => process.env.SCHOOL_YEAR || undefined;

/** Local-only credentials of the first admin; documented in the README. Never used in AWS. */
export const LOCAL_ADMIN = {
  email: process.env.ADMIN_EMAIL ?? 'admin@stagematching.local',
  password: process.env.ADMIN_PASSWORD ?? 'lokaal-beheer-wachtwoord',
};

/** One user pool for every school year: people keep their login from year to year. */
export const LOCAL_USER_POOL = 'stagematching';
