import type { Cookies } from '@sveltejs/kit';
import { reportDeadline } from '../../domain/consultation/model';
import { RECEIPT_COOKIE, type RoundAccess } from './respondents';

/** The round's address; the receipt cookie lives only under it. */
export function roundPath(token: string): string {
	return `/c/${token}`;
}

/**
 * Its own cookie (not the app session's), scoped to this round's address, so it grants nothing
 * anywhere else. HttpOnly and SameSite=Lax like the session; Secure follows the scheme.
 */
export function setReceiptCookie(event: { cookies: Cookies; url: URL }, receipt: string, access: RoundAccess): void {
	event.cookies.set(RECEIPT_COOKIE, receipt, {
		httpOnly: true,
		sameSite: 'lax',
		secure: event.url.protocol === 'https:',
		path: roundPath(access.token),
		// Long enough to come back and read the answers once the report is out.
		expires: new Date(reportDeadline(access.round.closes_at))
	});
}

export function deleteReceiptCookie(event: { cookies: Cookies; url: URL }, token: string): void {
	event.cookies.delete(RECEIPT_COOKIE, { httpOnly: true, sameSite: 'lax', secure: event.url.protocol === 'https:', path: roundPath(token) });
}
