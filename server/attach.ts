import type { Server as HttpServer } from 'node:http';
import { getAppContext, type AppContext } from '../src/lib/server/context';
import { startStorageWorker } from '../src/lib/server/db/storage-worker';
import { attachCollab } from './collab';
import { attachFacilitation } from './facilitation';

export interface RealtimeOptions {
	/** In production nothing else listens for upgrades, so unknown ones are ended; Vite's HMR needs them in dev. */
	production?: boolean;
}

/** Wires the board sockets and socket.io onto an http server (ours in production, Vite's in dev). */
export async function attachRealtime(httpServer: HttpServer, context?: AppContext, options: RealtimeOptions = {}) {
	const ctx = context ?? (await getAppContext());
	const storageWorker =
		ctx.config.databasePath === ':memory:' ? null : startStorageWorker(ctx.sqlite, { path: ctx.config.databasePath, log: ctx.log });
	const collab = attachCollab(httpServer, ctx, storageWorker);
	const facilitation = attachFacilitation(httpServer, ctx);

	if (options.production) {
		httpServer.on('upgrade', (request, socket) => {
			const path = request.url ?? '';
			if (path.startsWith('/collab/') || path.startsWith('/socket.io/')) return;
			// Node removes its own error listener from an upgrade socket: a client that resets the
			// connection before reading the answer would otherwise crash the process (found by the
			// fault tests, tests/integration/fault-fuzz.spec.ts).
			socket.on('error', () => {});
			socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n');
		});
	}

	return {
		collab,
		facilitation,
		async close() {
			await facilitation.close();
			await collab.close();
			await storageWorker?.stop();
		}
	};
}
