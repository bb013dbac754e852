import { error } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { getDraftExportJobs } from '$lib/server/draft-export-jobs';
import { requireDraftExportRoute } from '$lib/server/draft-export-route';
import type { RequestHandler } from './$types';

/** The prepared file, under its safe name; 404 while it is not ready or after it expired. */
export const GET: RequestHandler = async ({ locals, url, params }) => {
	const { process, version } = await requireDraftExportRoute(locals, url, params);
	const file = getDraftExportJobs(locals.context).file(process.id, version, params.jobId);
	if (!file) error(404, m.common_error_not_found());
	return new Response(Buffer.from(file.bytes), {
		headers: {
			'content-type': file.contentType,
			'content-disposition': `attachment; filename="${file.fileName}"`,
			'content-length': String(file.bytes.byteLength),
			'cache-control': 'private, no-store'
		}
	});
};
