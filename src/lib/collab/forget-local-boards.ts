/**
 * Board docs are kept in IndexedDB as `narada-board-<boardId>` so edits survive a closed tab.
 * On a shared laptop the person leaving wants none of that left behind.
 */
export const LOCAL_BOARD_PREFIX = 'narada-board-';
/** Names of opened boards, for browsers without indexedDB.databases(). */
const KNOWN_BOARDS_KEY = 'narada-local-boards';

export function localBoardName(boardId: string): string {
	return `${LOCAL_BOARD_PREFIX}${boardId}`;
}

export function rememberLocalBoard(boardId: string) {
	try {
		const known = readKnown();
		if (!known.includes(boardId)) localStorage.setItem(KNOWN_BOARDS_KEY, JSON.stringify([...known, boardId]));
	} catch {
		// Storage disabled: the databases() listing still finds the boards where it exists.
	}
}

/** Deletes every local board database; resolves once each deletion finished, failed or was blocked by an open tab. */
export async function forgetLocalBoards(): Promise<void> {
	const names = new Set(readKnown().map(localBoardName));
	if (typeof indexedDB.databases === 'function') {
		try {
			for (const db of await indexedDB.databases()) if (db.name?.startsWith(LOCAL_BOARD_PREFIX)) names.add(db.name);
		} catch {
			// Listing can fail in private modes; the remembered names remain.
		}
	}
	await Promise.all([...names].map(deleteDatabase));
	await clearOfflinePages();
	try {
		localStorage.removeItem(KNOWN_BOARDS_KEY);
	} catch {
		// Nothing stored.
	}
}

/** The service worker keeps copies of board pages for offline use; a person leaving wants them gone too. */
async function clearOfflinePages(): Promise<void> {
	if (typeof caches === 'undefined') return;
	try {
		for (const key of await caches.keys()) if (key.startsWith('narada-pages-')) await caches.delete(key);
	} catch {
		// Cache storage unavailable (private mode): nothing was kept.
	}
}

function deleteDatabase(name: string): Promise<void> {
	return new Promise((resolve) => {
		const request = indexedDB.deleteDatabase(name);
		request.onsuccess = () => resolve();
		request.onerror = () => resolve();
		// Another tab still has the board open; the browser deletes it once that tab closes.
		request.onblocked = () => resolve();
	});
}

function readKnown(): string[] {
	try {
		const parsed: unknown = JSON.parse(localStorage.getItem(KNOWN_BOARDS_KEY) ?? '[]');
		return Array.isArray(parsed) ? parsed.filter((id): id is string => typeof id === 'string') : [];
	} catch {
		return [];
	}
}
