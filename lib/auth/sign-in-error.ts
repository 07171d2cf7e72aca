import { CredentialsSignin } from 'next-auth';

/**
 * Thrown from the Credentials provider so the sign-in action can tell the two expected failures
 * apart. Its `code` also reaches the URL when someone posts to /api/auth directly, so it names
 * nothing more than the generic message does.
 */
export class StaffSignInError extends CredentialsSignin {
  constructor(code: 'invalid_credentials' | 'throttled', readonly retryAfterMinutes?: number) {
    super(code);
    this.code = code;
  }
}
