import type { Server as HttpServer } from 'node:http';
import { Server, type Socket } from 'socket.io';
import type { AppContext } from '../src/lib/server/context';
import { SESSION_COOKIE, validateSessionToken, type AuthSession } from '../src/lib/server/auth/sessions';
import { resolveWorkshopRole } from '../src/lib/server/access';
import { isAllowedOrigin } from '../src/lib/server/origin';
import { readCookie } from '../src/lib/server/cookie-header';
import { clientAddress } from '../src/lib/server/client-address';
import { WorkshopRosters, rosterEntryFor } from '../src/lib/server/facilitation/roster';
import { AgendaCommands } from '../src/lib/server/facilitation/agenda';
import { presenceOf } from '../src/lib/server/collab/identity';
import {
	FACILITATION_EVENTS,
	FACILITATION_MAX_MESSAGE_BYTES,
	agendaCommandPayloads,
	joinWorkshopPayload,
	type AgendaCommand,
	type AgendaCommandEvent,
	type WorkshopRole,
	type ClientToServerEvents,
	type ServerToClientEvents
} from '../src/lib/realtime/contract';

interface SocketData {
	session: AuthSession;
	address: string;
	workshopId?: string;
	role?: WorkshopRole;
}

type FacilitationSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

const KNOWN_EVENTS = new Set<string>(Object.values(FACILITATION_EVENTS));

/**
 * socket.io for facilitation: one authenticated connection per workshop room. Every command is
 * validated; an unknown or ill-typed event closes that one connection with a logged reason.
 */
export function attachFacilitation(httpServer: HttpServer, context: AppContext) {
	const { config, db, log } = context;
	const rosters = new WorkshopRosters();
	const agenda = new AgendaCommands(db);
	const io = new Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>(httpServer, {
		path: '/socket.io',
		serveClient: false,
		// Otherwise engine.io ends other upgrades (our board sockets) that stay silent for a second.
		destroyUpgrade: false,
		maxHttpBufferSize: FACILITATION_MAX_MESSAGE_BYTES,
		allowRequest: (request, callback) => callback(null, isAllowedOrigin(request.headers, config.origin)),
		// Recovery must not skip the auth middleware, or a revoked guest slips back in.
		connectionStateRecovery: { maxDisconnectionDuration: 60_000, skipMiddlewares: false }
	});

	// Same ceiling as for board sockets: generous for a town hall behind one NAT, a wall for a flood.
	const perAddress = new Map<string, number>();
	const maxPerAddress = config.maxBoardSocketsPerAddress;

	io.use(async (socket, next) => {
		try {
			const address = clientAddress(socket.request.headers, socket.request.socket.remoteAddress, config);
			if (maxPerAddress > 0 && (perAddress.get(address) ?? 0) >= maxPerAddress) {
				log.warn({ address, limit: maxPerAddress }, 'facilitation connection refused: too many from one address');
				return next(new Error('too-many-connections'));
			}
			const token = readCookie(socket.request.headers.cookie, SESSION_COOKIE);
			const session = await validateSessionToken(db, token);
			if (!session) return next(new Error('unauthorized'));
			socket.data.session = session;
			socket.data.address = address;
			perAddress.set(address, (perAddress.get(address) ?? 0) + 1);
			socket.once('disconnect', () => {
				const held = (perAddress.get(address) ?? 1) - 1;
				if (held > 0) perAddress.set(address, held);
				else perAddress.delete(address);
			});
			next();
		} catch (error) {
			log.error({ err: error }, 'facilitation auth failed');
			next(new Error('server-error'));
		}
	});

	io.on('connection', (socket: FacilitationSocket) => {
		socket.on('error', (error) => log.warn({ err: error.message }, 'facilitation socket error'));
		socket.onAny((event: string) => {
			if (!KNOWN_EVENTS.has(event)) refuse(socket, `unknown event ${String(event).slice(0, 50)}`);
		});

		socket.on(FACILITATION_EVENTS.joinWorkshop, async (payload, ack) => {
			if (typeof ack !== 'function') return refuse(socket, 'command without acknowledgement');
			const parsed = joinWorkshopPayload.safeParse(payload);
			if (!parsed.success) {
				ack({ ok: false, error: 'invalid-payload' });
				return refuse(socket, 'ill-typed workshop:join');
			}
			const { workshopId } = parsed.data;
			try {
				const role = await resolveWorkshopRole(db, socket.data.session, workshopId, config);
				if (!role) return ack({ ok: false, error: 'forbidden' });
				if (socket.data.workshopId && socket.data.workshopId !== workshopId) leaveRoom(socket);
				socket.data.workshopId = workshopId;
				socket.data.role = role;
				await socket.join(room(workshopId));
				rosters.add(workshopId, socket.id, rosterEntryFor(socket.data.session, role));
				const roster = rosters.list(workshopId);
				socket.to(room(workshopId)).emit(FACILITATION_EVENTS.roster, roster);
				ack({ ok: true, data: { role, roster, agenda: await agenda.state(workshopId) } });
			} catch (error) {
				// An async handler's rejection would otherwise end the whole process.
				log.error({ err: error, workshopId }, 'workshop:join failed');
				ack({ ok: false, error: 'server-error' });
			}
		});

		for (const event of Object.keys(agendaCommandPayloads) as AgendaCommandEvent[]) {
			socket.on(event, (payload: unknown, ack: unknown) => void runAgendaCommand(socket, event, payload, ack));
		}

		socket.on('disconnect', () => leaveRoom(socket));
	});

	/**
	 * Facilitators only, checked here on the server against the role resolved at join; the
	 * refusal is an ack, so a participant's laptop says why and nothing changes.
	 */
	async function runAgendaCommand(socket: FacilitationSocket, event: AgendaCommandEvent, payload: unknown, ack: unknown) {
		if (typeof ack !== 'function') return refuse(socket, 'command without acknowledgement');
		const reply = ack as (result: { ok: true } | { ok: false; error: string }) => void;
		const parsed = agendaCommandPayloads[event].safeParse(payload ?? {});
		if (!parsed.success) return reply({ ok: false, error: 'invalid-payload' });
		const { workshopId, role } = socket.data;
		if (!workshopId || role !== 'facilitator') return reply({ ok: false, error: 'forbidden' });
		try {
			const command = { type: event, payload: parsed.data } as AgendaCommand;
			const outcome = await agenda.apply(workshopId, presenceOf(socket.data.session).id, command);
			if (!outcome.ok) return reply({ ok: false, error: outcome.error });
			io.to(room(workshopId)).emit(FACILITATION_EVENTS.agendaState, outcome.state);
			reply({ ok: true });
		} catch (error) {
			log.error({ err: error, workshopId, event }, 'agenda command failed');
			reply({ ok: false, error: 'server-error' });
		}
	}

	function leaveRoom(socket: FacilitationSocket) {
		for (const workshopId of rosters.remove(socket.id)) {
			io.to(room(workshopId)).emit(FACILITATION_EVENTS.roster, rosters.list(workshopId));
		}
	}

	function refuse(socket: FacilitationSocket, reason: string) {
		log.warn({ reason, address: socket.data.address }, 'facilitation connection refused');
		socket.disconnect(true);
	}

	const stopListening = context.revocations.onRevoked((sessionIds) => {
		for (const socket of io.of('/').sockets.values()) {
			if (sessionIds.has(socket.data.session?.id)) {
				socket.emit(FACILITATION_EVENTS.sessionEnded, 'session-revoked');
				socket.disconnect(true);
			}
		}
	});

	return {
		io,
		async close() {
			stopListening();
			await new Promise<void>((resolve) => io.close(() => resolve()));
		}
	};
}

function room(workshopId: string) {
	return `workshop:${workshopId}`;
}
