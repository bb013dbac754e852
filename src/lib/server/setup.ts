import { generateSecureRandomString } from './auth/tokens';
import type { AppContext } from './context';

/**
 * A fresh installation prints a one-time setup code in its log. Only someone who can read the
 * server's log can create the administrator, so a stranger who finds a new public server first
 * cannot claim it. The code changes at every start until an administrator exists.
 */
export async function ensureSetupCode(context: Pick<AppContext, 'db' | 'log'>): Promise<string | null> {
	const admin = await context.db.selectFrom('users').select('id').where('role', '=', 'admin').executeTakeFirst();
	if (admin) return null;
	const code = generateSecureRandomString(12).toUpperCase();
	context.log.warn({ setupCode: code }, `No administrator yet. Setup code: ${code}`);
	return code;
}
