/**
 * "Something changed in this round": remarks written, answered, assigned or merged. The round
 * page of every facilitator listens (server-sent events) and reloads its list, so co-facilitators
 * see each other's progress live. One Node process serves Narada, so an in-memory registry is
 * enough; several processes would swap this module for a pub/sub one.
 */
type Listener = () => void;

const listeners = new Map<string, Set<Listener>>();

export function onRoundChange(roundId: string, listener: Listener): () => void {
	let set = listeners.get(roundId);
	if (!set) listeners.set(roundId, (set = new Set()));
	set.add(listener);
	return () => {
		set.delete(listener);
		if (set.size === 0 && listeners.get(roundId) === set) listeners.delete(roundId);
	};
}

/** Called after a change is committed; a failing listener never fails the change. */
export function publishRoundChange(roundId: string): void {
	for (const listener of listeners.get(roundId) ?? []) {
		try {
			listener();
		} catch {
			// a closed stream; its own cleanup removes it
		}
	}
}
