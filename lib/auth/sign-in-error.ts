import { CredentialsSignin } from 'next-auth';

/**
 * Thrown from the Credentials provider so the sign-in action can tell the two expected failures
 * apart. Its `code` also reaches the URL when someone posts to /api/auth directly, so it names
 * nothing more than the generic message does.
 */
export type StaffSignInErrorCode = 'invalid_credentials' | 'throttled' | 'totp_required' | 'invalid_totp';

export class StaffSignInError extends CredentialsSignin {
  constructor(
    code: StaffSignInErrorCode,
    readonly retryAfterMinutes?: number,
  ) {
    super(code);
    this.code = code;
  }
}
