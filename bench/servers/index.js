import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readProc } from '../lib/stats.js';
import { seedNarada } from './narada-seed.js';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');
const probe = resolve(here, '../probe.js');

/** Core the servers run on; the generator re-executes itself on the other (run.js). */
export const SERVER_CORE = process.env.BENCH_SERVER_CORE ?? '0';

export function naradaBuildDir() {
	const chosen = process.env.NARADA_BUILD_DIR;
	if (chosen) return resolve(root, chosen);
	for (const dir of ['build-b1', 'build']) if (existsSync(join(root, dir, 'server.js'))) return join(root, dir);
	throw new Error('No Narada build: run `npm run build` first (or set NARADA_BUILD_DIR).');
}

/**
 * The Node flags `npm start` gives Narada's server (package.json), so the bench measures the
 * server as it is deployed. Today: a young generation capped at 4 MB per semi-space, because the
 * app's start-up grows it to 16 MB and each scavenge of that costs ~20 ms (bench/probe.js `gc`).
 */
export function naradaStartFlags() {
	const start = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).scripts.start;
	const command = start.split('&&').map((part) => part.trim()).find((part) => part.endsWith('build/server.js'));
	return command ? command.split(/\s+/).slice(1, -1).filter((arg) => arg.startsWith('--')) : [];
}

/**
 * One server under test. `start()` boots it pinned to SERVER_CORE with the event-loop probe
 * preloaded; `restart()` keeps its data directory (for cold loads and kill -9).
 */
export function benchServer(kind, options = {}) {
	const dir = mkdtempSync(join(tmpdir(), `bench-${kind}-`));
	const probeFile = join(dir, 'probe.json');
	let child = null;
	let port = 0;
	const server = {
		kind,
		dir,
		probeFile,
		get pid() {
			return child?.pid;
		},
		get port() {
			return port;
		},
		databasePath: join(dir, kind === 'y-websocket' ? 'leveldb' : 'db.sqlite'),
		fixture: null,
		async start() {
			port ||= await freePort();
			const script =
				kind === 'narada'
					? join(naradaBuildDir(), 'server.js')
					: join(here, kind === 'hocuspocus' ? 'hocuspocus-server.js' : 'y-websocket-server.js');
			const env = {
				...process.env,
				PORT: String(port),
				HOST: '127.0.0.1',
				DATABASE_PATH: server.databasePath,
				YPERSISTENCE: server.databasePath,
				ORIGIN: `http://127.0.0.1:${port}`,
				// Per-connection info lines would cost Narada CPU the baselines do not spend.
				LOG_LEVEL: 'warn',
				// The load generator opens hundreds of board sockets from one address.
				COLLAB_MAX_CONNECTIONS_PER_ADDRESS: '0',
				BOARD_IDLE_SECONDS: String(options.idleSeconds ?? 2),
				BENCH_PROBE_FILE: probeFile,
				NODE_ENV: 'production'
			};
			const startFlags = kind === 'narada' ? naradaStartFlags() : [];
			const args = ['-c', SERVER_CORE, process.execPath, '--import', probe, ...startFlags, ...(options.nodeArgs ?? []), script];
			// BENCH_SERVER_STDOUT keeps the server's stdout (e.g. with --trace-gc-nvp) for a look afterwards.
			const stdout = process.env.BENCH_SERVER_STDOUT ? openSync(process.env.BENCH_SERVER_STDOUT, 'a') : 'ignore';
			child = spawn('taskset', args, { env, cwd: kind === 'narada' ? root : here, stdio: ['ignore', stdout, 'pipe'] });
			const stderr = [];
			child.stderr.on('data', (chunk) => stderr.push(chunk.toString()));
			const exited = new Promise((_, reject) =>
				child.once('exit', (code, signal) => reject(new Error(`${kind} exited (${code ?? signal}): ${stderr.join('').slice(-2000)}`)))
			);
			exited.catch(() => {});
			await Promise.race([waitForPort(port), exited]);
			if (kind === 'narada' && !server.fixture) server.fixture = seedNarada(server.databasePath, options.boards ?? 1);
			await settled(child.pid);
		},
		/** SIGKILL (crash) or SIGTERM (graceful); resolves when the process is gone. */
		async kill(signal = 'SIGKILL') {
			if (!child || child.exitCode !== null || child.signalCode !== null) return;
			const gone = new Promise((r) => child.once('exit', r));
			child.kill(signal);
			const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
			await gone;
			clearTimeout(timer);
		},
		async restart(signal = 'SIGKILL') {
			await server.kill(signal);
			await server.start();
		},
		async stop() {
			await server.kill('SIGTERM');
			rmSync(dir, { recursive: true, force: true });
		},
		/** Board ids to use: Narada needs seeded rows; the baselines create documents by name. */
		boardIds(count) {
			if (kind === 'narada') return server.fixture.boardIds.slice(0, count);
			return Array.from({ length: count }, (_, i) => `board-${i}`);
		}
	};
	return server;
}

export async function freePort() {
	return new Promise((resolvePort) => {
		const probeServer = createServer();
		probeServer.listen(0, '127.0.0.1', () => {
			const address = probeServer.address();
			probeServer.close(() => resolvePort(address.port));
		});
	});
}

/**
 * A server that answers its port may still be starting (Narada's worker threads boot after it
 * listens, about 7 MB): memory growth is counted from a resident size that stopped moving.
 */
async function settled(pid) {
	const rss = () => readProc(pid)?.rss ?? 0;
	let last = rss();
	for (let waited = 0, still = 0; waited < 3000 && still < 3; waited += 100) {
		await new Promise((r) => setTimeout(r, 100));
		const now = rss();
		still = Math.abs(now - last) < 256 * 1024 ? still + 1 : 0;
		last = now;
	}
}

async function waitForPort(port) {
	for (let i = 0; i < 400; i++) {
		const open = await new Promise((r) => {
			const socket = createConnection({ port, host: '127.0.0.1' }, () => {
				socket.destroy();
				r(true);
			});
			socket.on('error', () => r(false));
		});
		if (open) return;
		await new Promise((r) => setTimeout(r, 25));
	}
	throw new Error(`port ${port} never opened`);
}
