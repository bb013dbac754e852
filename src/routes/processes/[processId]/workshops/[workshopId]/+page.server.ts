import { fail } from '@sveltejs/kit';
import { formatJoinCode } from '$lib/domain/join-code';
import { joinLinkQrDataUrl, workshopLinks } from '$lib/server/join-qr';
import { requireProcessWorkshop } from '$lib/server/process-guards';
import {
	listParticipants,
	listWorkshopBoards,
	regenerateWorkshopLinks,
	removeParticipant,
	revokeWorkshopLinks
} from '$lib/server/workshops';
import { appendWorkshopLog } from '$lib/server/facilitation/workshop-log';
import type { Actions, PageServerLoad } from './$types';

/** Facilitators' actions here go into the workshop's log like the live commands do. */
function logAction(locals: App.Locals, workshopId: string, actor: string, action: string, detail: unknown = {}) {
	return appendWorkshopLog(locals.context.db, { workshopId, actor, action, detail, at: Date.now() });
}

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const { process, workshop } = await requireProcessWorkshop(locals, url, params.processId, params.workshopId);
	const db = locals.context.db;
	const links = workshopLinks(locals.context.config.origin ?? url.origin, workshop);
	const [participants, boards] = await Promise.all([listParticipants(db, workshop.id), listWorkshopBoards(db, workshop.id)]);
	const sectorCounts = new Map<string, number>();
	for (const p of participants) sectorCounts.set(p.sector, (sectorCounts.get(p.sector) ?? 0) + 1);
	return {
		process: { id: process.id, title: process.title },
		workshop: { id: workshop.id, title: workshop.title, startsAt: workshop.starts_at, endsAt: workshop.ends_at },
		joinCode: workshop.join_code ? formatJoinCode(workshop.join_code) : null,
		...links,
		qr: links.joinLink ? await joinLinkQrDataUrl(links.joinLink) : null,
		participants,
		sectorCounts: [...sectorCounts].sort((a, b) => b[1] - a[1]),
		boards
	};
};

export const actions: Actions = {
	regenerate: async ({ locals, url, params }) => {
		const { workshop, user } = await requireProcessWorkshop(locals, url, params.processId, params.workshopId);
		await regenerateWorkshopLinks(locals.context.db, workshop.id);
		await logAction(locals, workshop.id, user.id, 'links:regenerate');
		return { done: 'regenerated' };
	},

	revoke: async ({ locals, url, params }) => {
		const { workshop, user } = await requireProcessWorkshop(locals, url, params.processId, params.workshopId);
		await revokeWorkshopLinks(locals.context, workshop.id);
		await logAction(locals, workshop.id, user.id, 'links:revoke');
		return { done: 'revoked' };
	},

	remove: async ({ locals, url, params, request }) => {
		const { workshop, user } = await requireProcessWorkshop(locals, url, params.processId, params.workshopId);
		const participantId = String((await request.formData()).get('participantId') ?? '');
		const removed = await removeParticipant(locals.context, workshop.id, participantId);
		if (!removed) return fail(404, { done: 'not_found' });
		await logAction(locals, workshop.id, user.id, 'participant:remove', { participantId });
		return { done: 'removed' };
	}
};
