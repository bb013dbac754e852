import { chooseVersions } from '$lib/domain/draft/compare';
import { diffDrafts } from '$lib/domain/draft/diff';
import { getDraftVersion, listDraftVersions } from '$lib/server/drafts';
import { requireDraftAccess } from '$lib/server/draft-guard';
import type { PageServerLoad } from './$types';

/**
 * Two saved versions side by side: ?from=1&to=2 (the two latest without a query). Same access
 * as the draft page. Only the two stored models are read, so the comparison of two versions
 * never changes, whatever happens to the boards.
 */
export const load: PageServerLoad = async ({ locals, url, params }) => {
	const { process } = await requireDraftAccess(locals, url, params.processId);
	const db = locals.context.db;
	const versions = await listDraftVersions(db, process.id);
	const choice = chooseVersions(
		versions.map((version) => version.number),
		url.searchParams.get('from'),
		url.searchParams.get('to')
	);
	if (choice.kind !== 'pair') return { process, versions, choice, diff: null, language: process.language };
	const [before, after] = await Promise.all([getDraftVersion(db, process.id, choice.from), getDraftVersion(db, process.id, choice.to)]);
	// Listed a moment ago; a version is never deleted, but a missing row must not crash the page.
	if (!before || !after) return { process, versions, choice: { kind: 'missing' as const, from: null, to: null, missing: String(before ? choice.to : choice.from) }, diff: null, language: process.language };
	// The newer version's recorded remarks; versions saved before issue 9 have none, and no section.
	const newer = choice.to > choice.from ? { number: choice.to, model: after } : { number: choice.from, model: before };
	const answered = newer.model.answeredRemarks ? { version: newer.number, remarks: newer.model.answeredRemarks } : null;
	return { process, versions, choice, diff: diffDrafts(before, after), language: after.language, answered };
};
