import { error } from '@sveltejs/kit';
import { isConsultationReportFormat } from '$lib/export/consultation-report-file';
import { m } from '$lib/paraglide/messages';
import { loadRoundReport } from '$lib/server/consultation/round-report';
import { requireDraftAccess } from '$lib/server/draft-guard';
import { reportRenderer } from '$lib/server/draft-render-thread';
import type { RequestHandler } from './$types';

/**
 * A round's consultation report as `raport.docx|pdf|xlsx`, in the process's language, for the
 * process's facilitators only (like the draft: anyone else gets a 404). `?anonymised=1` leaves
 * out every personal name, for publishing.
 */
export const GET: RequestHandler = async ({ locals, url, params }) => {
	const { process } = await requireDraftAccess(locals, url, params.processId);
	const format = /^raport\.([a-z]+)$/.exec(params.file)?.[1] ?? '';
	if (!isConsultationReportFormat(format)) error(404, m.common_error_not_found());
	const anonymised = url.searchParams.get('anonymised') === '1';
	const report = await loadRoundReport(locals.context.db, process.id, params.roundId, { anonymised, language: process.language });
	if (!report) error(404, m.common_error_not_found());
	// In the export thread, like the draft: a long report must not stall the live boards.
	const file = await reportRenderer(locals.context)(report, format);
	return new Response(Buffer.from(file.bytes), {
		headers: {
			'content-type': file.contentType,
			'content-disposition': `attachment; filename="${file.fileName}"`,
			'cache-control': 'private, no-store'
		}
	});
};
