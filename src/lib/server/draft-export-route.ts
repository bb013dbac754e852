import { error } from '@sveltejs/kit';
import { m } from '../paraglide/messages';
import { requireDraftAccess } from './draft-guard';

/** The process (checked: a member) and the version number of an export route, or 404. */
export async function requireDraftExportRoute(locals: App.Locals, url: URL, params: { processId: string; n: string }) {
	const { process } = await requireDraftAccess(locals, url, params.processId);
	if (!/^[1-9][0-9]{0,8}$/.test(params.n)) error(404, m.common_error_not_found());
	return { process, version: Number(params.n) };
}
