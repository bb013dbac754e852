import { z } from 'zod';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from './passwords';

/*
 * Schemas of the account forms. Each message is an error CODE that the page translates
 * (src/lib/auth-errors.ts), shown next to the field named by the issue's path.
 */

// Deliberately loose: one @, something on each side, a dot in the domain. Real checking is the invitation itself.
const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

const email = z
	.string('required')
	.trim()
	.toLowerCase()
	.min(1, 'required')
	.max(254, 'too_long')
	.regex(EMAIL_PATTERN, 'email_invalid');
const name = z.string('required').trim().min(1, 'required').max(100, 'too_long');
const newPassword = z
	.string('required')
	.min(1, 'required')
	.min(PASSWORD_MIN_LENGTH, 'password_too_short')
	.max(PASSWORD_MAX_LENGTH, 'too_long');

function confirmed<T extends z.ZodType<{ password: string; passwordConfirm: string }>>(schema: T) {
	return schema.refine((v) => v.password === v.passwordConfirm, { message: 'password_mismatch', path: ['passwordConfirm'] });
}

export const setupForm = confirmed(
	z.object({
		setupCode: z.string('required').trim().toUpperCase().min(1, 'required').max(100, 'too_long'),
		email,
		name,
		password: newPassword,
		passwordConfirm: z.string('required')
	})
);

export const inviteSignUpForm = confirmed(
	z.object({ email, name, password: newPassword, passwordConfirm: z.string('required') })
);

export const signInForm = z.object({
	email,
	password: z.string('required').min(1, 'required').max(PASSWORD_MAX_LENGTH, 'too_long')
});

export const createInviteForm = z.object({
	email: z.union([z.literal(''), email]).optional()
});

export type FieldErrors = Record<string, string>;

/** Parses a submitted form: the data, or the first error code per field (`form` for the whole form). */
export function parseForm<T>(
	schema: z.ZodType<T>,
	formData: FormData
): { ok: true; data: T } | { ok: false; errors: FieldErrors } {
	const input = Object.fromEntries([...formData.entries()].filter(([, v]) => typeof v === 'string'));
	const result = schema.safeParse(input);
	if (result.success) return { ok: true, data: result.data };
	const errors: FieldErrors = {};
	for (const issue of result.error.issues) {
		const field = String(issue.path[0] ?? 'form');
		errors[field] ??= issue.message;
	}
	return { ok: false, errors };
}

/** What a failed form sends back to be shown again: every value except passwords. */
export function keptValues(formData: FormData, fields: string[]): Record<string, string> {
	const values: Record<string, string> = {};
	for (const field of fields) {
		const value = formData.get(field);
		if (typeof value === 'string') values[field] = value;
	}
	return values;
}
