/**
 * Configuration comes from the environment only, read once at start. Every value has a
 * default that works on a laptop; the README lists them all.
 */
export interface NaradaConfig {
	port: number;
	host: string;
	databasePath: string;
	/** Public origin (e.g. https://narada.example.org). Unset: the Host header's own origin. */
	origin: string | null;
	/** Header that carries the client address behind a trusted reverse proxy, e.g. X-Forwarded-For. */
	addressHeader: string | null;
	/** How many proxies stand in front of us when addressHeader is X-Forwarded-For. */
	xffDepth: number;
	/** A guest may join this long before a workshop starts. */
	guestEarlyMs: number;
	/** A guest keeps access this long after a workshop ends. */
	guestGraceMs: number;
	/** PRAGMA synchronous: NORMAL survives a process crash, FULL also a power cut. */
	sqliteSynchronous: 'NORMAL' | 'FULL';
	/** Quiet period after the last connection leaves before a board is unloaded from memory. */
	boardIdleMs: number;
	logLevel: 'debug' | 'info' | 'warn' | 'error';
	/** Board sockets one client address may hold at once; 0 turns the limit off (load tests). */
	maxBoardSocketsPerAddress: number;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): NaradaConfig {
	return {
		port: integer(env.PORT, 3000),
		host: env.HOST || '0.0.0.0',
		databasePath: env.DATABASE_PATH || './data/narada.db',
		origin: env.ORIGIN ? env.ORIGIN.replace(/\/$/, '') : null,
		addressHeader: env.ADDRESS_HEADER ? env.ADDRESS_HEADER.toLowerCase() : null,
		xffDepth: integer(env.XFF_DEPTH, 1),
		guestEarlyMs: integer(env.GUEST_EARLY_MINUTES, 60) * 60_000,
		guestGraceMs: integer(env.GUEST_GRACE_MINUTES, 120) * 60_000,
		sqliteSynchronous: env.SQLITE_SYNCHRONOUS?.toUpperCase() === 'FULL' ? 'FULL' : 'NORMAL',
		boardIdleMs: integer(env.BOARD_IDLE_SECONDS, 30) * 1000,
		logLevel: (['debug', 'info', 'warn', 'error'] as const).find((l) => l === env.LOG_LEVEL) ?? 'info',
		// A town hall puts 40 laptops with several boards each behind one NAT.
		maxBoardSocketsPerAddress: integer(env.COLLAB_MAX_CONNECTIONS_PER_ADDRESS, 400)
	};
}

function integer(value: string | undefined, fallback: number): number {
	if (value === undefined || value === '') return fallback;
	const parsed = Number.parseInt(value, 10);
	if (!Number.isFinite(parsed) || parsed < 0) throw new Error(`Invalid number in environment: ${value}`);
	return parsed;
}
