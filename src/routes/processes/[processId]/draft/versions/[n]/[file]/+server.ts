import { error } from '@sveltejs/kit';
import { isDraftFileFormat } from '$lib/export/draft-file';
import { m } from '$lib/paraglide/messages';
import { getDraftVersion } from '$lib/server/drafts';
import { requireDraftAccess } from '$lib/server/draft-guard';
import { draftRenderer } from '$lib/server/draft-render-thread';
import type { RequestHandler } from './$types';

/**
 * A saved version as `draft.<format>` (see DRAFT_FILE_FORMATS), downloaded under a name derived
 * safely from its title. `?sources=1` adds where each goal and action came from.
 */
export const GET: RequestHandler = async ({ locals, url, params }) => {
	const { process } = await requireDraftAccess(locals, url, params.processId);
	const format = /^draft\.([a-z]+)$/.exec(params.file)?.[1] ?? '';
	const number = /^[1-9][0-9]{0,8}$/.test(params.n) ? Number(params.n) : null;
	const draft = number === null || !isDraftFileFormat(format) ? null : await getDraftVersion(locals.context.db, process.id, number);
	if (!draft || !isDraftFileFormat(format)) error(404, m.common_error_not_found());
	const file = await draftRenderer(locals.context)(draft, format, { sources: url.searchParams.get('sources') === '1' });
	return new Response(Buffer.from(file.bytes), {
		headers: {
			'content-type': file.contentType,
			'content-disposition': `attachment; filename="${file.fileName}"`,
			'cache-control': 'private, no-store'
		}
	});
};
