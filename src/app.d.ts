import type { AuthSession } from '$lib/server/auth/sessions';
import type { AppContext } from '$lib/server/context';

declare global {
	namespace App {
		interface Error {
			message: string;
		}
		interface Locals {
			context: AppContext;
			session: AuthSession | null;
		}
	}
}

export {};
