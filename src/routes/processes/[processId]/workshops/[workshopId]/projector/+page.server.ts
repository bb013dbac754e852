import { formatJoinCode } from '$lib/domain/join-code';
import { joinLinkQrDataUrl, workshopLinks } from '$lib/server/join-qr';
import { requireProcessWorkshop } from '$lib/server/process-guards';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const { process, workshop } = await requireProcessWorkshop(locals, url, params.processId, params.workshopId);
	const origin = locals.context.config.origin ?? url.origin;
	const { joinLink } = workshopLinks(origin, workshop);
	return {
		backHref: `/processes/${process.id}/workshops/${workshop.id}`,
		title: workshop.title,
		joinCode: workshop.join_code ? formatJoinCode(workshop.join_code) : null,
		joinPage: `${origin.replace(/^https?:\/\//, '')}`,
		qr: joinLink ? await joinLinkQrDataUrl(joinLink) : null
	};
};
