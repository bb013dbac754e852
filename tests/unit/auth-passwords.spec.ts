import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from '../../src/lib/server/auth/passwords';
import { parseForm, setupForm, signInForm } from '../../src/lib/server/auth/forms';

describe('passwords', () => {
	it('hashes with argon2id at the OWASP parameters and verifies only the right password', async () => {
		const hash = await hashPassword('zielony most nad Pisą');
		expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
		expect(await verifyPassword(hash, 'zielony most nad Pisą')).toBe(true);
		expect(await verifyPassword(hash, 'zielony most nad pisą')).toBe(false);
	});

	it('answers false, not an exception, for a damaged stored hash', async () => {
		expect(await verifyPassword('not-a-hash', 'whatever password')).toBe(false);
	});
});

function form(fields: Record<string, string>): FormData {
	const data = new FormData();
	for (const [k, v] of Object.entries(fields)) data.set(k, v);
	return data;
}

describe('account forms', () => {
	it('reports one error code per field, next to that field', () => {
		const result = parseForm(
			setupForm,
			form({ setupCode: '', email: 'not-an-email', name: ' ', password: 'short', passwordConfirm: 'other' })
		);
		expect(result).toEqual({
			ok: false,
			errors: {
				setupCode: 'required',
				email: 'email_invalid',
				name: 'required',
				password: 'password_too_short',
				passwordConfirm: 'password_mismatch'
			}
		});
	});

	it('normalises the e-mail and the setup code', () => {
		const result = parseForm(
			setupForm,
			form({ setupCode: ' abcd2345wxyz ', email: ' Anna@OPS.pl ', name: 'Anna', password: 'długie hasło 123', passwordConfirm: 'długie hasło 123' })
		);
		expect(result.ok && result.data).toMatchObject({ setupCode: 'ABCD2345WXYZ', email: 'anna@ops.pl' });
		expect(parseForm(signInForm, form({ email: 'a@b.pl' }))).toEqual({ ok: false, errors: { password: 'required' } });
	});
});
