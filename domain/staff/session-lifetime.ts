/**
 * How long the session cookie (the JWT naming the session row) may live: the longest absolute
 * lifetime Settings allows (MAX_SESSION_ABSOLUTE_DAYS; not imported: the proxy bundles this file
 * and must not pull in the database schema). The row decides: idle and absolute expiry
 * (find-active-session.ts).
 */
export const SESSION_MAX_AGE_SECONDS = 90 * 24 * 60 * 60;
