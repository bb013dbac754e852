import { EventEmitter } from 'node:events';

/**
 * Tells the live channels (board sockets, socket.io) that sessions are gone, so a revoked
 * guest is disconnected at once instead of at their next reconnect.
 */
export class SessionRevocations {
	#events = new EventEmitter();

	revoke(sessionIds: string[]): void {
		if (sessionIds.length > 0) this.#events.emit('revoked', new Set(sessionIds));
	}

	onRevoked(listener: (sessionIds: Set<string>) => void): () => void {
		this.#events.on('revoked', listener);
		return () => this.#events.off('revoked', listener);
	}
}
