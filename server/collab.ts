import { STATUS_CODES, type IncomingMessage, type Server as HttpServer } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { COLLAB_MAX_BOARD_BYTES } from '../src/lib/collab/close-codes';
import type { AppContext } from '../src/lib/server/context';
import { clientAddress } from '../src/lib/server/client-address';
import { createBoardUpdateStore } from '../src/lib/server/db/board-updates';
import { createBoardLockReader } from '../src/lib/server/db/board-locks';
import type { StorageWorker } from '../src/lib/server/db/storage-worker';
import { authorizeBoardUpgrade, isCollabRequest } from '../src/lib/server/collab/authorize-upgrade';
import { BoardHub } from '../src/lib/server/collab/board-hub';
import { setBoardHub } from '../src/lib/server/collab/hub-registry';
import { watchBoardActivity } from '../src/lib/server/restore-points';
import { binarySender } from './binary-frame';

/** Dead laptops (closed lid, lost Wi-Fi) stop answering pings; they are dropped after one missed round. */
const KEEPALIVE_MS = 30_000;
/** How long shutdown waits for clients to acknowledge the close before cutting them off. */
const SHUTDOWN_GRACE_MS = 1000;

/**
 * The board socket: `/collab/<boardId>` speaking the y-websocket protocol. Wiring only — the
 * upgrade is authorised (authorize-upgrade.ts) before `ws` sees it, and every frame goes to
 * the transport-free BoardHub. Other upgrades (socket.io, Vite's HMR) are left alone.
 */
export function attachCollab(httpServer: HttpServer, context: AppContext, storageWorker: StorageWorker | null = null) {
	const { config, log } = context;
	const updates = { ...createBoardUpdateStore(context.sqlite), isLocked: createBoardLockReader(context.sqlite) };
	const store = storageWorker ? { ...updates, compactInBackground: storageWorker.compact } : updates;
	const hub = new BoardHub({ store, log, idleMs: config.boardIdleMs });
	setBoardHub(context, hub);
	const stopRestorePoints = watchBoardActivity(hub, context);
	const wss = new WebSocketServer({ noServer: true, maxPayload: COLLAB_MAX_BOARD_BYTES });
	const alive = new WeakSet<WebSocket>();
	// Board sockets one address may hold (open or being authorised): a flood from one address
	// beyond config.maxBoardSocketsPerAddress gets HTTP 429 before any upgrade work.
	const maxPerAddress = config.maxBoardSocketsPerAddress;
	const perAddress = new Map<string, number>();
	let refusedSinceLog = 0;

	const onUpgrade = (request: IncomingMessage, socket: Duplex, head: Buffer) => {
		if (!isCollabRequest(request.url)) return;
		const onSocketError = (error: Error) => log.warn({ err: error }, 'board socket error before upgrade');
		socket.on('error', onSocketError);
		const address = clientAddress(request.headers, request.socket.remoteAddress, config);
		const held = perAddress.get(address) ?? 0;
		if (maxPerAddress > 0 && held >= maxPerAddress) {
			// One line per burst, not per refused socket: a flood must not flood the log too.
			if (refusedSinceLog++ === 0) {
				setTimeout(() => {
					log.warn({ address, refused: refusedSinceLog, limit: maxPerAddress }, 'board sockets refused: too many from one address');
					refusedSinceLog = 0;
				}, 1000).unref();
			}
			return refuse(socket, 429);
		}
		perAddress.set(address, held + 1);
		// The raw socket closes however the connection ends: refused, upgraded and closed, or dropped.
		socket.once('close', () => {
			const left = (perAddress.get(address) ?? 1) - 1;
			if (left > 0) perAddress.set(address, left);
			else perAddress.delete(address);
		});
		authorizeBoardUpgrade(context.db, config, request)
			.then((decision) => {
				if (socket.destroyed) return;
				if (!decision.ok) {
					log.info({ url: request.url, status: decision.status, reason: decision.reason }, 'board socket refused');
					return refuse(socket, decision.status);
				}
				wss.handleUpgrade(request, socket, head, (ws) => {
					socket.off('error', onSocketError); // ws handles socket errors from here on
					const { boardId, identity } = decision;
					alive.add(ws);
					const sendBinary = binarySender(ws);
					const connection = hub.connect(boardId, identity, {
						send: (message, written) => {
							if (ws.readyState === ws.OPEN) sendBinary(message, written);
							else written?.();
						},
						close: (code, reason) => ws.close(code, reason)
					});
					ws.on('message', (data, isBinary) => connection.receive(toBytes(data), isBinary));
					ws.on('pong', () => alive.add(ws));
					ws.on('error', (error) => log.warn({ boardId, err: error }, 'board socket error'));
					ws.on('close', (code) => {
						connection.transportClosed();
						log.info({ boardId, code, who: identity.presence.id }, 'board socket closed');
					});
					log.info({ boardId, who: identity.presence.id, access: identity.access }, 'board socket opened');
				});
			})
			.catch((error) => {
				log.error({ err: error, url: request.url }, 'board socket upgrade failed');
				if (!socket.destroyed) refuse(socket, 500);
			});
	};
	httpServer.on('upgrade', onUpgrade);

	// Revoking an invite or removing a participant deletes sessions; their sockets go at once.
	const stopRevocations = context.revocations.onRevoked((sessionIds) => {
		const closed = hub.closeSessions(sessionIds);
		if (closed > 0) log.info({ closed }, 'board connections of revoked sessions closed');
	});

	const keepalive = setInterval(() => {
		for (const ws of wss.clients) {
			if (!alive.has(ws)) {
				ws.terminate();
				continue;
			}
			alive.delete(ws);
			ws.ping();
		}
		// Guests and observers leave when the workshop's window ends, not at their next reconnect.
		hub.closeExpired();
	}, KEEPALIVE_MS);
	keepalive.unref();

	return {
		hub,
		async close() {
			clearInterval(keepalive);
			stopRestorePoints();
			stopRevocations();
			httpServer.off('upgrade', onUpgrade);
			await hub.close();
			await waitForClients(wss, SHUTDOWN_GRACE_MS);
			for (const ws of wss.clients) ws.terminate();
			await new Promise<void>((resolve) => wss.close(() => resolve()));
			setBoardHub(context, null);
		}
	};
}

/** A plain HTTP answer on the raw socket: the client never gets a WebSocket, let alone a byte of the board. */
function refuse(socket: Duplex, status: number) {
	socket.once('finish', () => socket.destroy());
	socket.end(`HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

function toBytes(data: Buffer | ArrayBuffer | Buffer[]): Uint8Array {
	if (Array.isArray(data)) return Buffer.concat(data);
	return data instanceof ArrayBuffer ? new Uint8Array(data) : data;
}

async function waitForClients(wss: WebSocketServer, timeoutMs: number) {
	const deadline = Date.now() + timeoutMs;
	while (wss.clients.size > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
}
