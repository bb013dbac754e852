import type { Server as HttpServer } from 'node:http';
import { Server, type Socket } from 'socket.io';
import type { AppContext } from '../src/lib/server/context';
import { SESSION_COOKIE, validateSessionToken, type AuthSession } from '../src/lib/server/auth/sessions';
import { resolveWorkshopRole } from '../src/lib/server/access';
import { isAllowedOrigin } from '../src/lib/server/origin';
import { readCookie } from '../src/lib/server/cookie-header';
import { clientAddress } from '../src/lib/server/client-address';
import { WorkshopRosters, rosterEntryFor } from '../src/lib/server/facilitation/roster';
import { agendaFeature } from '../src/lib/server/facilitation/agenda';
import { followFeature } from '../src/lib/server/facilitation/follow';
import { locksFeature } from '../src/lib/server/facilitation/locks';
import { votesFeature } from '../src/lib/server/facilitation/votes';
import { handsFeature } from '../src/lib/server/facilitation/hands';
import { brainstormFeature } from '../src/lib/server/facilitation/brainstorm';
import {
	CommandRateLimit,
	WorkshopQueue,
	type CommandActor,
	type FacilitationCommand,
	type FacilitationFeature,
	type FacilitationOutbox
} from '../src/lib/server/facilitation/feature';
import { presenceOf } from '../src/lib/server/collab/identity';
import {
	FACILITATION_EVENTS,
	FACILITATION_MAX_MESSAGE_BYTES,
	joinWorkshopPayload,
	type CommandResult,
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

/**
 * socket.io for facilitation: one authenticated connection per workshop room. Every command is
 * validated; an unknown or ill-typed event closes that one connection with a logged reason.
 */
export function attachFacilitation(httpServer: HttpServer, context: AppContext) {
	const { config, db, log } = context;
	const rosters = new WorkshopRosters();
	const queue = new WorkshopQueue();
	const rateLimit = new CommandRateLimit();
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

	const outbox: FacilitationOutbox = {
		toWorkshop: (workshopId, event, data) => emitTo(room(workshopId), event, data),
		toPerson: (workshopId, personId, event, data) => emitTo(personRoom(workshopId, personId), event, data),
		toRole: (workshopId, role, event, data) => emitTo(roleRoom(workshopId, role), event, data)
	};
	// Each feature owns its commands; the server applies them all one at a time per workshop.
	const features: FacilitationFeature[] = [
		agendaFeature(db, outbox),
		followFeature(db, outbox),
		locksFeature(context, outbox),
		votesFeature(context, outbox),
		handsFeature(db, outbox),
		brainstormFeature(context, outbox)
	];
	const commands = new Map<string, FacilitationCommand>();
	for (const feature of features) {
		for (const [event, command] of Object.entries(feature.commands)) {
			if (commands.has(event)) throw new Error(`facilitation event ${event} defined twice`);
			commands.set(event, command);
		}
	}
	const knownEvents = new Set<string>([FACILITATION_EVENTS.joinWorkshop, ...commands.keys()]);

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
			if (!knownEvents.has(event)) refuse(socket, `unknown event ${String(event).slice(0, 50)}`);
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
				if (socket.data.workshopId && socket.data.workshopId !== workshopId) {
					leaveRoom(socket);
					for (const joined of [...socket.rooms]) if (joined !== socket.id) await socket.leave(joined);
				}
				socket.data.workshopId = workshopId;
				socket.data.role = role;
				const actor = actorOf(socket)!;
				await socket.join([room(workshopId), personRoom(workshopId, actor.personId), roleRoom(workshopId, role)]);
				rosters.add(workshopId, socket.id, rosterEntryFor(socket.data.session, role));
				const roster = rosters.list(workshopId);
				socket.to(room(workshopId)).emit(FACILITATION_EVENTS.roster, roster);
				const states = await Promise.all(features.map((feature) => feature.joinState?.(actor) ?? {}));
				ack({ ok: true, data: Object.assign({ role, roster }, ...states) });
			} catch (error) {
				// An async handler's rejection would otherwise end the whole process.
				log.error({ err: error, workshopId }, 'workshop:join failed');
				ack({ ok: false, error: 'server-error' });
			}
		});

		const untyped = socket as unknown as { on(event: string, listener: (payload: unknown, ack: unknown) => void): void };
		for (const [event, command] of commands) {
			untyped.on(event, (payload, ack) => void runCommand(socket, event, command, payload, ack));
		}

		socket.on('disconnect', () => {
			rateLimit.forget(socket.id);
			leaveRoom(socket);
		});
	});

	/**
	 * Role and workshop are checked here against what the server resolved at join; a refusal is
	 * an ack, so the laptop says why and nothing changes. Commands of one workshop run one at a
	 * time in arrival order, whichever feature they belong to.
	 */
	async function runCommand(socket: FacilitationSocket, event: string, command: FacilitationCommand, payload: unknown, ack: unknown) {
		if (typeof ack !== 'function') return refuse(socket, 'command without acknowledgement');
		const reply = ack as (result: CommandResult<unknown>) => void;
		if (!rateLimit.take(socket.id)) return reply({ ok: false, error: 'rate-limited' });
		const parsed = command.schema.safeParse(payload ?? {});
		if (!parsed.success) return reply({ ok: false, error: 'invalid-payload' });
		const actor = actorOf(socket);
		if (!actor || !command.roles.includes(actor.role)) return reply({ ok: false, error: 'forbidden' });
		try {
			reply(await queue.inOrder(actor.workshopId, () => command.run(actor, parsed.data)));
		} catch (error) {
			// An async handler's rejection would otherwise end the whole process.
			log.error({ err: error, workshopId: actor.workshopId, event }, 'facilitation command failed');
			reply({ ok: false, error: 'server-error' });
		}
	}

	function actorOf(socket: FacilitationSocket): CommandActor | null {
		const { workshopId, role, session } = socket.data;
		if (!workshopId || !role) return null;
		return { workshopId, role, session, personId: presenceOf(session).id };
	}

	function leaveRoom(socket: FacilitationSocket) {
		const actor = actorOf(socket);
		for (const workshopId of rosters.remove(socket.id)) {
			io.to(room(workshopId)).emit(FACILITATION_EVENTS.roster, rosters.list(workshopId));
		}
		if (actor) {
			const stillPresent = rosters.list(actor.workshopId).some((entry) => entry.id === actor.personId);
			for (const feature of features) feature.left?.(actor, stillPresent);
		}
	}

	function emitTo(target: string, event: string, data: unknown) {
		(io.to(target) as unknown as { emit(event: string, data: unknown): void }).emit(event, data);
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

function personRoom(workshopId: string, personId: string) {
	return `workshop:${workshopId}:person:${personId}`;
}

function roleRoom(workshopId: string, role: WorkshopRole) {
	return `workshop:${workshopId}:role:${role}`;
}
