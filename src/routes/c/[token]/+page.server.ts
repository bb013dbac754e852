import { error, fail, redirect } from '@sveltejs/kit';
import { roundPhase } from '$lib/domain/consultation/model';
import { SECTORS } from '$lib/domain/sectors';
import { findRespondent, loadRoundDraft, RECEIPT_COOKIE, resolveRoundToken, type RoundAccess } from '$lib/server/consultation/respondents';
import { deleteReceiptCookie, roundPath, setReceiptCookie } from '$lib/server/consultation/receipt-cookie';
import {
	addRemark,
	deleteRemark,
	editRemark,
	forgetRespondent,
	listOwnRemarks,
	notOpen,
	parseRemarkForm,
	remarkFormValues,
	type RemarkRefusal,
	type WriteContext
} from '$lib/server/consultation/remarks';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

/** The round page of a respondent: public, no account; the token in the address is the key. */
export const load: PageServerLoad = async ({ locals, params, cookies, url, setHeaders }) => {
	const { db } = locals.context;
	const access = await requireAccess(locals.context.db, params.token);
	// The address carries a key: no caching by proxies, no leaking it to other sites.
	setHeaders({ 'cache-control': 'private, no-store', 'referrer-policy': 'no-referrer' });
	const receipt = cookies.get(RECEIPT_COOKIE);
	const respondent = await findRespondent(db, access.round.id, receipt);
	if (receipt && !respondent) deleteReceiptCookie({ cookies, url }, params.token);
	const { round } = access;
	return {
		round: {
			title: round.title,
			description: round.description,
			opensAt: round.opens_at,
			closesAt: round.closes_at,
			anonymousAllowed: round.anonymous_allowed === 1
		},
		phase: roundPhase({ opensAt: round.opens_at, closesAt: round.closes_at }, Date.now()),
		draft: await loadRoundDraft(db, round),
		mine: respondent ? await listOwnRemarks(db, round.id, respondent.id) : [],
		identity: respondent ? { name: respondent.name, institution: respondent.institution, sector: respondent.sector ?? '' } : null,
		receiptPath: respondent && receipt ? `${roundPath(params.token)}/r/${receipt}` : null,
		sectors: SECTORS
	};
};

export const actions: Actions = {
	remark: async (event) => {
		const { context, values, anonymousAllowed } = await writeContext(event);
		// A closed round says so before it says anything about the fields.
		const closed = notOpen(context.access, Date.now());
		if (closed) return refused('remark', closed, values);
		const parsed = parseRemarkForm(values, anonymousAllowed);
		if (!parsed.ok) return fail(400, { action: 'remark', target: values.target ?? '', errors: parsed.errors, values });
		const result = await addRemark(context, values.target ?? '', parsed.input);
		if (!result.ok) return refused('remark', result, values);
		if (result.receipt) setReceiptCookie(event, result.receipt, context.access);
		redirect(303, `${roundPath(event.params.token)}?saved=${result.number}${result.receipt ? '&first=1' : ''}#my-remarks`);
	},
	edit: async (event) => {
		const { context, values, anonymousAllowed } = await writeContext(event);
		// A closed round says so before it says anything about the fields.
		const closed = notOpen(context.access, Date.now());
		if (closed) return refused('edit', closed, values);
		const parsed = parseRemarkForm(values, anonymousAllowed);
		if (!parsed.ok) return fail(400, { action: 'edit', remarkId: values.remarkId ?? '', errors: parsed.errors, values });
		const result = await editRemark(context, values.remarkId ?? '', parsed.input);
		if (!result.ok) return refused('edit', result, values);
		redirect(303, `${roundPath(event.params.token)}?edited=${result.number}#my-remarks`);
	},
	delete: async (event) => {
		const { context, values } = await writeContext(event);
		const result = await deleteRemark(context, values.remarkId ?? '');
		if (!result.ok) return refused('delete', result, values);
		redirect(303, `${roundPath(event.params.token)}?deleted=${result.number}#my-remarks`);
	},
	forget: async (event) => {
		const { context, values } = await writeContext(event);
		const result = await forgetRespondent(context);
		if (!result.ok) return refused('forget', result, values);
		deleteReceiptCookie(event, event.params.token);
		redirect(303, `${roundPath(event.params.token)}?forgotten=1`);
	}
};

async function requireAccess(db: App.Locals['context']['db'], token: string): Promise<RoundAccess> {
	const access = await resolveRoundToken(db, token);
	if (!access) error(404, 'link_invalid');
	return access;
}

async function writeContext(event: RequestEvent): Promise<{ context: WriteContext; values: Record<string, string>; anonymousAllowed: boolean }> {
	const { db } = event.locals.context;
	const access = await requireAccess(db, event.params.token);
	const respondent = await findRespondent(db, access.round.id, event.cookies.get(RECEIPT_COOKIE));
	const values = remarkFormValues(await event.request.formData().catch(() => new FormData()));
	return { context: { db, access, respondent, address: event.getClientAddress() }, values, anonymousAllowed: access.round.anonymous_allowed === 1 };
}

const REFUSAL_STATUS: Record<RemarkRefusal['error'], number> = { not_open: 403, target: 400, too_many: 409, not_found: 404, rate_limited: 429 };

function refused(action: string, refusal: RemarkRefusal, values: Record<string, string>) {
	return fail(REFUSAL_STATUS[refusal.error], {
		action,
		target: values.target ?? '',
		remarkId: values.remarkId ?? '',
		errors: { form: refusal.error } as Record<string, string>,
		retryAfterSeconds: refusal.error === 'rate_limited' ? refusal.retryAfterSeconds : null,
		values
	});
}
