import type { LayoutServerLoad } from './$types';

/** Who is looking, reduced to what the header and pages need (no ids, no e-mail). */
export const load: LayoutServerLoad = ({ locals }) => ({ viewer: toViewer(locals.session) });

function toViewer(session: App.Locals['session']): Viewer | null {
	if (!session) return null;
	switch (session.kind) {
		case 'user':
			return { kind: 'user', name: session.user.name, role: session.user.role, isAdmin: session.user.role === 'admin' };
		case 'guest':
			return { kind: 'guest', name: session.participant.displayName, role: null, isAdmin: false };
		case 'observer':
			return { kind: 'observer', name: null, role: null, isAdmin: false };
	}
}

export interface Viewer {
	kind: 'user' | 'guest' | 'observer';
	name: string | null;
	role: 'admin' | 'facilitator' | null;
	isAdmin: boolean;
}
