import { m } from '$lib/paraglide/messages';

const PASSWORD_MIN_LENGTH = 12;

/** Turns an error code from an account form into a sentence in the current language. */
export function authErrorMessage(code: string | undefined, params: { seconds?: number } = {}): string | undefined {
	switch (code) {
		case undefined:
			return undefined;
		case 'required':
			return m.common_error_required();
		case 'too_long':
			return m.common_error_too_long();
		case 'email_invalid':
			return m.auth_error_email_invalid();
		case 'password_too_short':
			return m.auth_error_password_too_short({ min: PASSWORD_MIN_LENGTH });
		case 'password_mismatch':
			return m.auth_error_password_mismatch();
		case 'setup_code_wrong':
			return m.auth_error_setup_code_wrong();
		case 'admin_exists':
			return m.auth_error_admin_exists();
		case 'wrong_credentials':
			return m.auth_error_wrong_credentials();
		case 'rate_limited':
			return m.auth_error_rate_limited({ seconds: params.seconds ?? 1 });
		case 'email_mismatch':
			return m.auth_error_email_mismatch();
		case 'email_taken':
			return m.auth_error_email_taken();
		default:
			return m.common_error_generic();
	}
}
