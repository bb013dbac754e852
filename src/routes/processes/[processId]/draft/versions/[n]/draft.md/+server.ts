import { error } from '@sveltejs/kit';
import { draftToMarkdown } from '$lib/domain/draft/markdown';
import { m } from '$lib/paraglide/messages';
import { draftFileName, getDraftVersion } from '$lib/server/drafts';
import { requireDraftAccess } from '$lib/server/draft-guard';
import type { RequestHandler } from './$types';

/** A saved version as Markdown, rendered from its stored model (the same file every time). */
export const GET: RequestHandler = async ({ locals, url, params }) => {
	const { process } = await requireDraftAccess(locals, url, params.processId);
	const number = /^[1-9][0-9]{0,8}$/.test(params.n) ? Number(params.n) : null;
	const draft = number === null ? null : await getDraftVersion(locals.context.db, process.id, number);
	if (!draft || number === null) error(404, m.common_error_not_found());
	const fileName = draftFileName(draft.titlePage.title, number, 'md');
	return new Response(draftToMarkdown(draft, { sources: true }), {
		headers: {
			'content-type': 'text/markdown; charset=utf-8',
			'content-disposition': `attachment; filename="${fileName}"`,
			'cache-control': 'private, no-store'
		}
	});
};
