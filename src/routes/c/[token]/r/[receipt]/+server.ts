import { error, redirect } from '@sveltejs/kit';
import { roundPath, setReceiptCookie } from '$lib/server/consultation/receipt-cookie';
import { findRespondent, resolveRoundToken } from '$lib/server/consultation/respondents';
import type { RequestHandler } from './$types';

/** The receipt link: keeps the receipt in this round's cookie and shows the round with one's remarks. */
export const GET: RequestHandler = async (event) => {
	const { locals, params } = event;
	const { db } = locals.context;
	const access = await resolveRoundToken(db, params.token);
	if (!access) error(404, 'link_invalid');
	const respondent = await findRespondent(db, access.round.id, params.receipt);
	if (!respondent) redirect(303, `${roundPath(params.token)}?receipt=invalid`);
	setReceiptCookie(event, params.receipt, access);
	redirect(303, `${roundPath(params.token)}#my-remarks`);
};
