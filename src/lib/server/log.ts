import pino from 'pino';

/** Structured JSON lines on stdout; `LOG_LEVEL` picks the level. */
export function createLogger(level: string) {
	return pino({ level, base: undefined, timestamp: pino.stdTimeFunctions.isoTime });
}

export type Logger = ReturnType<typeof createLogger>;
