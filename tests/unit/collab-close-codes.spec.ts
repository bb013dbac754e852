import { describe, expect, it } from 'vitest';
import { collabCloseReason, COLLAB_CLOSE, shouldReconnectCollab } from '../../src/lib/collab/close-codes';
import { readCookie } from '../../src/lib/server/collab/authorize-upgrade';

describe('board socket close codes', () => {
	it('gives the browser a reason it can translate, and tells it when reconnecting is pointless', () => {
		expect(collabCloseReason({ code: COLLAB_CLOSE['read-only'], reason: 'read-only' })).toBe('read-only');
		expect(collabCloseReason({ code: 1009, reason: '' })).toBe('message-too-large');
		expect(collabCloseReason({ code: 1006, reason: '' })).toBeNull();
		expect(collabCloseReason({ code: 4403, reason: 'read-only' })).toBeNull();

		expect(shouldReconnectCollab({ code: COLLAB_CLOSE['session-revoked'] })).toBe(false);
		expect(shouldReconnectCollab({ code: 1009 })).toBe(false);
		expect(shouldReconnectCollab({ code: COLLAB_CLOSE['server-shutdown'] })).toBe(true);
		expect(shouldReconnectCollab({ code: 1006 })).toBe(true);
		// A lock lasts until the unlock: the client comes back read-only, keeping its edits.
		expect(shouldReconnectCollab({ code: COLLAB_CLOSE['board-locked'] })).toBe(true);
	});

	it('reads the session cookie among others and ignores look-alikes', () => {
		expect(readCookie('a=1; narada_session=abc.def; b=2', 'narada_session')).toBe('abc.def');
		expect(readCookie('xnarada_session=nope', 'narada_session')).toBeNull();
		expect(readCookie(undefined, 'narada_session')).toBeNull();
		expect(readCookie('narada_session=%E0%A4%A', 'narada_session')).toBeNull();
	});
});
