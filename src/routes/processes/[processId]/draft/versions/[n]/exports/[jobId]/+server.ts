import { json } from '@sveltejs/kit';
import { getDraftExportJobs } from '$lib/server/draft-export-jobs';
import { requireDraftExportRoute } from '$lib/server/draft-export-route';
import type { RequestHandler } from './$types';

/** The job's status as JSON; 404 `expired` once it is forgotten (or was never this process's). */
export const GET: RequestHandler = async ({ locals, url, params }) => {
	const { process, version } = await requireDraftExportRoute(locals, url, params);
	const status = getDraftExportJobs(locals.context).get(process.id, version, params.jobId);
	if (!status) return json({ error: 'expired' }, { status: 404, headers: { 'cache-control': 'private, no-store' } });
	return json(status, { headers: { 'cache-control': 'private, no-store' } });
};
