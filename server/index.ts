import { createServer } from 'node:http';
import { getAppContext } from '../src/lib/server/context';
import { readConfig } from '../src/lib/server/config';
import { DraftRenderThread, setRenderThread } from '../src/lib/server/draft-render-thread';
import { attachRealtime } from './attach';

/**
 * Production entry: one Node process serving the SvelteKit app, the board sockets
 * (/collab/<boardId>) and socket.io on one port.
 */
const config = readConfig();
const context = await getAppContext(config);
// Draft exports render in a worker thread, so a big Word or PDF file never stalls the boards.
const renderThread = new DraftRenderThread(new URL('./draft-export-worker.js', import.meta.url));
setRenderThread(context, renderThread);
context.onClose.push(() => renderThread.close());
// The adapter-node build sits beside this bundle; it is loaded at run time, not bundled twice.
const { handler } = await import(new URL('./app/handler.js', import.meta.url).href);

const httpServer = createServer((req, res) => handler(req, res));
const realtime = await attachRealtime(httpServer, context, { production: true });

httpServer.listen(config.port, config.host, () => {
	const address = httpServer.address();
	const port = typeof address === 'object' && address ? address.port : config.port;
	context.log.info({ port, host: config.host, database: config.databasePath }, `Narada listening on port ${port}`);
});

let stopping = false;
async function shutdown(signal: string) {
	if (stopping) return;
	stopping = true;
	context.log.info({ signal }, 'shutting down');
	await realtime.close();
	httpServer.close();
	await context.close();
	process.exit(0);
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
