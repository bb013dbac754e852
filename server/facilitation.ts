import type { Server as HttpServer } from 'node:http';
import type { AppContext } from '../src/lib/server/context';

// Placeholder until socket.io lands.
export function attachFacilitation(_httpServer: HttpServer, _context: AppContext) {
	return { async close() {} };
}
