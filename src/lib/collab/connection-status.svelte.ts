import type { StopReason } from './stop-reasons';

/** 'unsaved': connected or retrying, but the server cannot store edits now; they stay on this device. */
export type ConnectionState = 'connecting' | 'connected' | 'reconnecting' | 'offline' | 'unsaved' | 'stopped';

/** After this many failed attempts in a row, "reconnecting" becomes "offline": say it plainly. */
export const OFFLINE_AFTER_ATTEMPTS = 3;

export interface ConnectionFacts {
	stopped: StopReason | null;
	connectedAndSynced: boolean;
	browserOnline: boolean;
	failedAttempts: number;
	hasBeenConnected: boolean;
	/** The server said recently that it cannot save (close reason 'storage-unavailable'). */
	storageUnavailable?: boolean;
}

/** The one place that turns transport facts into what the person is told. */
export function deriveConnectionState(facts: ConnectionFacts): ConnectionState {
	if (facts.stopped) return 'stopped';
	if (facts.storageUnavailable) return 'unsaved';
	if (facts.connectedAndSynced) return 'connected';
	if (!facts.browserOnline || facts.failedAttempts >= OFFLINE_AFTER_ATTEMPTS) return 'offline';
	return facts.hasBeenConnected ? 'reconnecting' : 'connecting';
}

/** Reactive connection state for components: read `state` and `stopReason`. */
export class ConnectionStatus {
	state = $state<ConnectionState>('connecting');
	stopReason = $state<StopReason | null>(null);

	update(facts: ConnectionFacts) {
		this.state = deriveConnectionState(facts);
		this.stopReason = facts.stopped;
	}
}
