import { json } from '@sveltejs/kit';
import { resolveBoardAccess, type BoardAccess } from '$lib/server/access';
import { INSTITUTIONS_MAX, INSTITUTION_NAME_MAX, addInstitution, listInstitutions, type InstitutionRefusal } from '$lib/server/institutions';
import { isAllowedOrigin } from '$lib/server/origin';
import { m } from '$lib/paraglide/messages';
import type { RequestEvent, RequestHandler } from './$types';

/**
 * The institutions list of the board's strategy process, for the goals board's entity pickers.
 * Reached through a board, not the process, because workshop guests know only their boards.
 */
export const GET: RequestHandler = async (event) => {
	const board = await authorise(event);
	if (board instanceof Response) return board;
	return json({ institutions: await listInstitutions(event.locals.context.db, board.processId) });
};

/**
 * Adds `{ name }` and answers with the whole new list. Anyone who may edit the board may add:
 * participants know their own partners best, and the list is shared across the process.
 */
export const POST: RequestHandler = async (event) => {
	const { request, locals } = event;
	// SvelteKit's CSRF check covers only form content types. A JSON post from another site is
	// stopped by the browser's preflight, but not one from a sibling subdomain sharing the cookie
	// (SameSite counts sites, not origins), so Origin is checked like on the board socket.
	const headers = { origin: request.headers.get('origin') ?? undefined, host: request.headers.get('host') ?? undefined };
	if (!isAllowedOrigin(headers, locals.context.config.origin)) return message(403, m.glink_error_origin());
	const board = await authorise(event);
	if (board instanceof Response) return board;
	if (board.access !== 'edit') return message(403, m.glink_error_read_only());

	const name = await readName(request);
	if (name === null) return message(400, m.glink_error_bad_request());
	const db = locals.context.db;
	const outcome = await addInstitution(db, board.processId, name, locals.session?.kind === 'user' ? locals.session.user.id : null);
	if (!outcome.ok) return REFUSALS[outcome.reason]();
	return json({ institutions: await listInstitutions(db, board.processId) });
};

const REFUSALS: Record<InstitutionRefusal, () => Response> = {
	'empty': () => message(400, m.glink_error_name_empty()),
	'too-long': () => message(400, m.glink_error_name_too_long({ max: INSTITUTION_NAME_MAX })),
	'too-many': () => message(409, m.glink_error_too_many({ max: INSTITUTIONS_MAX }))
};

/** The session's access to the board and the board's process, or the answer to send instead. */
async function authorise({ locals, params }: RequestEvent): Promise<{ access: BoardAccess; processId: string } | Response> {
	const { session, context } = locals;
	if (!session) return message(401, m.glink_error_signed_out());
	// Access first, so a stranger learns nothing about which board ids exist.
	const access = await resolveBoardAccess(context.db, session, params.boardId, context.config);
	if (!access) return message(403, m.board_forbidden());
	const board = await context.db.selectFrom('boards').select('process_id').where('id', '=', params.boardId).executeTakeFirst();
	if (!board) return message(403, m.board_forbidden());
	return { access, processId: board.process_id };
}

/** The `name` of a JSON body `{ "name": "…" }`, or null when the body is anything else. */
async function readName(request: Request): Promise<string | null> {
	const type = request.headers.get('content-type')?.split(';')[0].trim().toLowerCase();
	if (type !== 'application/json') return null;
	try {
		const body: unknown = JSON.parse(await request.text());
		if (typeof body !== 'object' || body === null || !('name' in body)) return null;
		return typeof body.name === 'string' ? body.name : null;
	} catch {
		return null;
	}
}

function message(status: number, text: string): Response {
	return json({ message: text }, { status });
}
