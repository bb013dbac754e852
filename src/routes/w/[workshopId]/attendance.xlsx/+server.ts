import { attendanceFileName, attendanceXlsx } from '$lib/server/attendance-list';
import { XLSX_MIME } from '$lib/export/xlsx';
import { requireWorkshopFacilitator } from '$lib/server/workshop-facilitator';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ locals, params, url }) => {
	const { workshop } = await requireWorkshopFacilitator(locals, params.workshopId);
	const xlsx = await attendanceXlsx(locals.context.db, workshop, url.searchParams.get('signature') === '1');
	return new Response(xlsx, {
		headers: {
			'content-type': XLSX_MIME,
			'content-disposition': `attachment; filename="${attendanceFileName(workshop, 'xlsx')}"`,
			'cache-control': 'private, no-store'
		}
	});
};
