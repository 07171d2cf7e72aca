/** How long a signed-in browser stays signed in; the session row and the JWT cookie live exactly as long. */
export const SESSION_MAX_AGE_SECONDS = 7 * 24 * 60 * 60;
