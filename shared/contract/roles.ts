/** The three kinds of people who use the product; the role follows from their organisation. */
export const ROLES = ['admin', 'school', 'service'] as const;
export type Role = (typeof ROLES)[number];
