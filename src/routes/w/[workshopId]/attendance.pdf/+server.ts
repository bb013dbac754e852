import { attendanceFileName, attendancePdf } from '$lib/server/attendance-list';
import { PDF_MIME } from '$lib/export/pdf-table';
import { requireWorkshopFacilitator } from '$lib/server/workshop-facilitator';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ locals, params, url }) => {
	const { workshop } = await requireWorkshopFacilitator(locals, params.workshopId);
	const pdf = await attendancePdf(locals.context.db, workshop, url.searchParams.get('signature') === '1');
	return new Response(pdf as Uint8Array<ArrayBuffer>, {
		headers: {
			'content-type': PDF_MIME,
			'content-disposition': `attachment; filename="${attendanceFileName(workshop, 'pdf')}"`,
			'cache-control': 'private, no-store'
		}
	});
};
