import { error, json } from '@sveltejs/kit';
import { z } from 'zod';
import { isDraftFileFormat, type DraftFileFormatName } from '$lib/export/draft-file';
import { m } from '$lib/paraglide/messages';
import { getDraftVersion } from '$lib/server/drafts';
import { getDraftExportJobs } from '$lib/server/draft-export-jobs';
import { requireDraftExportRoute } from '$lib/server/draft-export-route';
import type { RequestHandler } from './$types';

const StartExport = z.object({
	format: z.custom<DraftFileFormatName>((value) => typeof value === 'string' && isDraftFileFormat(value)),
	sources: z.boolean().default(false)
});

/**
 * Starts preparing a saved version as a file (JSON `{ format, sources }`) and answers at once
 * with the job's status (202); the page then polls `exports/<id>` and downloads `exports/<id>/file`.
 */
export const POST: RequestHandler = async ({ locals, url, params, request }) => {
	const { process, version } = await requireDraftExportRoute(locals, url, params);
	const body = StartExport.safeParse(await request.json().catch(() => null));
	if (!body.success) return json({ error: 'invalid-payload' }, { status: 400 });
	if (!(await getDraftVersion(locals.context.db, process.id, version))) error(404, m.common_error_not_found());
	const started = getDraftExportJobs(locals.context).start(process.id, version, body.data.format, { sources: body.data.sources });
	if (started === 'busy') return json({ error: 'busy' }, { status: 503, headers: { 'retry-after': '5' } });
	return json(started, { status: 202, headers: { 'cache-control': 'private, no-store' } });
};
