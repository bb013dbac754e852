import { m } from '$lib/paraglide/messages';

/**
 * The process's list of institutions as the entity pickers see it. It lives in the database,
 * not in the board's doc: every goals board of the process draws from one list, so a name added
 * on one board is offered on the next. The server answers with the whole list after each change,
 * so a concurrent addition by someone else shows up too.
 */
export class InstitutionsList {
	list = $state<string[]>([]);
	#url: string;
	#refreshing: Promise<void> | null = null;

	constructor(boardId: string, initial: string[]) {
		this.#url = `/boards/${encodeURIComponent(boardId)}/institutions`;
		this.list = cleanList(initial) ?? [];
	}

	/** Failure keeps the list shown; it is a convenience, and typing a name still works. */
	refresh(): Promise<void> {
		this.#refreshing ??= (async () => {
			try {
				const response = await fetch(this.#url, { headers: { accept: 'application/json' } });
				if (!response.ok) return;
				const list = cleanList(((await response.json()) as { institutions?: unknown })?.institutions);
				if (list) this.list = list;
			} catch {
				// Offline or the server is restarting: the next focus tries again.
			} finally {
				this.#refreshing = null;
			}
		})();
		return this.#refreshing;
	}

	/** Adds a name to the process list; returns the translated reason it was refused, or null. */
	async add(name: string): Promise<string | null> {
		let response: Response;
		try {
			response = await fetch(this.#url, {
				method: 'POST',
				headers: { 'content-type': 'application/json', accept: 'application/json' },
				body: JSON.stringify({ name })
			});
		} catch {
			return m.gdet_institutions_save_failed();
		}
		const body = (await response.json().catch(() => null)) as { institutions?: unknown; message?: unknown } | null;
		if (response.ok) {
			const list = cleanList(body?.institutions);
			if (list) this.list = list;
			return null;
		}
		const message = typeof body?.message === 'string' && body.message.trim() ? body.message : null;
		return response.status < 500 && message ? message : m.gdet_institutions_save_failed();
	}
}

function cleanList(value: unknown): string[] | null {
	if (!Array.isArray(value)) return null;
	return value.filter((entry): entry is string => typeof entry === 'string' && entry.trim() !== '');
}
