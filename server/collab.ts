import type { Server as HttpServer } from 'node:http';
import type { AppContext } from '../src/lib/server/context';

// Placeholder until the board socket lands.
export function attachCollab(_httpServer: HttpServer, _context: AppContext) {
	return { async close() {} };
}
