/** Account rules shared by the API, the local user pool and the deployed one. */
export const PASSWORD_MIN_LENGTH = 12;
export const ACCESS_TOKEN_MINUTES = 15;
export const REFRESH_TOKEN_DAYS = 30;
