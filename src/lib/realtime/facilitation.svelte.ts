import { io, type Socket } from 'socket.io-client';
import {
	FACILITATION_EVENTS,
	type ClientToServerEvents,
	type RosterEntry,
	type ServerToClientEvents,
	type WorkshopRole
} from './contract';

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
			this.#socket.emit(FACILITATION_EVENTS.joinWorkshop, { workshopId }, (result) => {
				if (result.ok && result.data) {
					this.status = 'connected';
					this.role = result.data.role;
					this.roster = result.data.roster;
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
		this.#socket.on(FACILITATION_EVENTS.sessionEnded, () => {
			this.status = 'ended';
			this.#socket.disconnect();
		});
	}

	close() {
		this.#socket.disconnect();
	}
}
