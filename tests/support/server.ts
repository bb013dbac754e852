import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Boots the real built server (`build/server.js`, as `npm start` runs it) on a free port with
 * a fresh SQLite file. `kill()` sends SIGKILL; `restart()` starts it again on the same file.
 */
export interface TestServer {
	url: string;
	port: number;
	databasePath: string;
	/** One-time setup code printed in the log (null once an administrator exists). */
	setupCode: string | null;
	logs: string[];
	kill(signal?: NodeJS.Signals): Promise<void>;
	restart(): Promise<void>;
	stop(): Promise<void>;
}

export async function startServer(env: Record<string, string> = {}): Promise<TestServer> {
	const dir = mkdtempSync(join(tmpdir(), 'narada-test-'));
	const databasePath = join(dir, 'narada.db');
	let child: ChildProcess | null = null;
	const server: TestServer = {
		url: '',
		port: 0,
		databasePath,
		setupCode: null,
		logs: [],
		async kill(signal = 'SIGKILL') {
			if (!child || child.exitCode !== null || child.signalCode !== null) return;
			const exited = new Promise((resolve) => child!.once('exit', resolve));
			child.kill(signal);
			await exited;
		},
		async restart() {
			await server.kill();
			await boot(server.port);
		},
		async stop() {
			await server.kill('SIGTERM');
			rmSync(dir, { recursive: true, force: true });
		}
	};

	async function boot(port: number) {
		child = spawn(process.execPath, [`${process.env.NARADA_BUILD_DIR || 'build'}/server.js`], {
			env: {
				...process.env,
				PORT: String(port),
				HOST: '127.0.0.1',
				DATABASE_PATH: databasePath,
				ORIGIN: port ? `http://127.0.0.1:${port}` : '',
				LOG_LEVEL: 'info',
				BOARD_IDLE_SECONDS: '2',
				...env
			},
			stdio: ['ignore', 'pipe', 'pipe']
		});
		const listening = new Promise<number>((resolve, reject) => {
			let buffer = '';
			const onData = (chunk: Buffer) => {
				buffer += chunk.toString();
				let newline: number;
				while ((newline = buffer.indexOf('\n')) >= 0) {
					const line = buffer.slice(0, newline);
					buffer = buffer.slice(newline + 1);
					server.logs.push(line);
					const code = /Setup code: ([A-Za-z0-9]+)/.exec(line);
					if (code) server.setupCode = code[1];
					const listen = /Narada listening on port (\d+)/.exec(line);
					if (listen) resolve(Number(listen[1]));
				}
			};
			child!.stdout!.on('data', onData);
			child!.stderr!.on('data', (chunk: Buffer) => server.logs.push(chunk.toString()));
			child!.once('exit', (code) => reject(new Error(`server exited (${code}):\n${server.logs.join('\n')}`)));
		});
		server.port = await listening;
		server.url = `http://127.0.0.1:${server.port}`;
	}

	// The origin check needs the port before start; pick a free one, then boot on it.
	await boot(await freePort());
	return server;
}

async function freePort(): Promise<number> {
	const { createServer } = await import('node:net');
	return new Promise((resolve) => {
		const probe = createServer();
		probe.listen(0, '127.0.0.1', () => {
			const address = probe.address();
			const port = typeof address === 'object' && address ? address.port : 0;
			probe.close(() => resolve(port));
		});
	});
}
