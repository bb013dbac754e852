import { io, type Socket } from 'socket.io-client';
import {
	FACILITATION_EVENTS,
	type AgendaCommandEvent,
	type AgendaCommandPayload,
	type AgendaState,
	type ClientToServerEvents,
	type CommandResult,
	type RosterEntry,
	type ServerToClientEvents,
	type WorkshopRole
} from './contract';

/** Enough offset samples to ride out one slow message, few enough to follow a clock change. */
const OFFSET_SAMPLES = 5;
const COMMAND_TIMEOUT_MS = 8000;

export type FacilitationStatus = 'connecting' | 'connected' | 'reconnecting' | 'ended' | 'refused';

/**
 * The browser's side of the facilitation channel for one workshop: joins the room after every
 * (re)connect and keeps the live roster. WebSocket only: upgrades always carry Origin, which
 * the server checks; plain polling requests may not.
 */
export class FacilitationConnection {
	roster = $state<RosterEntry[]>([]);
	status = $state<FacilitationStatus>('connecting');
	role = $state<WorkshopRole | null>(null);
	agenda = $state<AgendaState | null>(null);
	/** Server clock minus this laptop's clock, so every screen shows the same remaining time. */
	clockOffsetMs = $state(0);
	#offsetSamples: number[] = [];
	#socket: Socket<ServerToClientEvents, ClientToServerEvents>;

	constructor(workshopId: string) {
		this.#socket = io({
			path: '/socket.io',
			transports: ['websocket'],
			reconnectionDelay: 1000,
			reconnectionDelayMax: 10_000,
			// Spreads reconnects so a server restart does not bring every laptop back at once.
			randomizationFactor: 0.5
		});
		this.#socket.on('connect', () => {
			const sentAt = Date.now();
			this.#socket.emit(FACILITATION_EVENTS.joinWorkshop, { workshopId }, (result) => {
				if (result.ok && result.data) {
					this.status = 'connected';
					this.role = result.data.role;
					this.roster = result.data.roster;
					// The ack's round trip brackets the server's clock reading: its midpoint is the best guess.
					this.#receiveAgenda(result.data.agenda, (sentAt + Date.now()) / 2);
				} else {
					this.status = 'refused';
					this.#socket.disconnect();
				}
			});
		});
		this.#socket.on('disconnect', () => {
			if (this.status !== 'ended' && this.status !== 'refused') this.status = 'reconnecting';
		});
		this.#socket.on('connect_error', (err) => {
			if (err.message === 'unauthorized') {
				this.status = 'ended';
				this.#socket.disconnect();
			} else if (this.status !== 'ended') {
				this.status = 'reconnecting';
			}
		});
		this.#socket.on(FACILITATION_EVENTS.roster, (roster) => (this.roster = roster));
		this.#socket.on(FACILITATION_EVENTS.agendaState, (state) => this.#receiveAgenda(state, Date.now()));
		this.#socket.on(FACILITATION_EVENTS.sessionEnded, () => {
			this.status = 'ended';
			this.#socket.disconnect();
		});
	}

	/** The server's clock as best this laptop can tell. */
	serverNow(): number {
		return Date.now() + this.clockOffsetMs;
	}

	/** Sends a facilitator command; the new state arrives as a broadcast to everyone. */
	async command<E extends AgendaCommandEvent>(
		event: E,
		payload: AgendaCommandPayload<E>
	): Promise<CommandResult> {
		if (!this.#socket.connected) return { ok: false, error: 'server-error' };
		try {
			const emitter = this.#socket.timeout(COMMAND_TIMEOUT_MS) as unknown as {
				emitWithAck(event: string, payload: unknown): Promise<CommandResult>;
			};
			return await emitter.emitWithAck(event, payload);
		} catch {
			return { ok: false, error: 'server-error' };
		}
	}

	/**
	 * A broadcast arrives some latency after `serverNow` was read, so each sample underestimates
	 * the offset by that latency: the largest recent sample is the closest.
	 */
	#receiveAgenda(state: AgendaState, localTime: number) {
		this.#offsetSamples = [...this.#offsetSamples, state.serverNow - localTime].slice(-OFFSET_SAMPLES);
		this.clockOffsetMs = Math.max(...this.#offsetSamples);
		this.agenda = state;
	}

	close() {
		this.#socket.disconnect();
	}
}
