import { io, type Socket } from 'socket.io-client';
import {
	FACILITATION_EVENTS,
	type AgendaCommandEvent,
	type AgendaCommandPayload,
	type AgendaState,
	type ClientToServerEvents,
	type CommandResult,
	type JoinData,
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
	/** The last join acknowledgement; features read their own keys from it. */
	joined = $state.raw<JoinData | null>(null);
	readonly workshopId: string;
	#offsetSamples: number[] = [];
	#socket: Socket<ServerToClientEvents, ClientToServerEvents>;
	#joinListeners = new Set<(data: JoinData) => void>();

	constructor(workshopId: string) {
		this.workshopId = workshopId;
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
					this.joined = result.data;
					for (const listener of this.#joinListeners) listener(result.data);
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

	/** Any feature's command (votes, locks…); resolves to the server's acknowledgement. */
	async send<T = undefined>(event: string, payload: unknown): Promise<CommandResult<T>> {
		return (await this.command(event as AgendaCommandEvent, payload as never)) as CommandResult<T>;
	}

	/** Listens to a server event; returns the function that stops listening. */
	on<T>(event: string, listener: (data: T) => void): () => void {
		const untyped = this.#socket as unknown as { on(e: string, l: (d: T) => void): void; off(e: string, l: (d: T) => void): void };
		untyped.on(event, listener);
		return () => untyped.off(event, listener);
	}

	/**
	 * Called after every (re)join with the server's full state, and at once if already joined:
	 * a feature rebuilds from it, so a reconnecting laptop never keeps stale state.
	 */
	onJoined(listener: (data: JoinData) => void): () => void {
		this.#joinListeners.add(listener);
		if (this.joined) listener(this.joined);
		return () => this.#joinListeners.delete(listener);
	}

	/** Whether the server connection is up and joined (commands can be sent). */
	get connected(): boolean {
		return this.status === 'connected';
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
