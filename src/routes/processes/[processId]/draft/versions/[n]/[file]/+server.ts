import { error } from '@sveltejs/kit';
import { draftToMarkdown } from '$lib/domain/draft/markdown';
import type { StrategyDraft } from '$lib/domain/draft/model';
import { renderDraftDocx } from '$lib/export/draft-docx';
import { renderDraftPdf } from '$lib/export/draft-pdf';
import { safeExportFileName } from '$lib/export/safe-file-name';
import { m } from '$lib/paraglide/messages';
import { getDraftVersion } from '$lib/server/drafts';
import { requireDraftAccess } from '$lib/server/draft-guard';
import type { RequestHandler } from './$types';

/** Every format is rendered from the version's stored model, so a version always gives the same document. */
const FORMATS: Record<string, { type: string; render: (draft: StrategyDraft) => Promise<Uint8Array | string> }> = {
	'draft.md': { type: 'text/markdown; charset=utf-8', render: async (draft) => draftToMarkdown(draft, { sources: true }) },
	'draft.docx': { type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', render: renderDraftDocx },
	'draft.pdf': { type: 'application/pdf', render: renderDraftPdf }
};

/** A saved version as Markdown, Word or PDF, downloaded under a name derived safely from its title. */
export const GET: RequestHandler = async ({ locals, url, params }) => {
	const { process } = await requireDraftAccess(locals, url, params.processId);
	const format = Object.hasOwn(FORMATS, params.file) ? FORMATS[params.file] : null;
	const number = /^[1-9][0-9]{0,8}$/.test(params.n) ? Number(params.n) : null;
	const draft = number === null || !format ? null : await getDraftVersion(locals.context.db, process.id, number);
	if (!draft || !format || number === null) error(404, m.common_error_not_found());
	const body = await format.render(draft);
	const fileName = safeExportFileName(draft.titlePage.title || 'projekt strategii', number, params.file.split('.').pop()!);
	return new Response(typeof body === 'string' ? body : Buffer.from(body), {
		headers: {
			'content-type': format.type,
			'content-disposition': `attachment; filename="${fileName}"`,
			'cache-control': 'private, no-store'
		}
	});
};
