// Baseline: the y-websocket reference server (@y/websocket-server 0.1.1, the last release for
// yjs 13) with its LevelDB persistence, which is switched on by YPERSISTENCE before import.
import http from 'node:http';
import { WebSocketServer } from 'ws';

const { setupWSConnection } = await import('@y/websocket-server/utils');
const wss = new WebSocketServer({ noServer: true });
const server = http.createServer((_request, response) => response.end('okay'));
wss.on('connection', setupWSConnection);
server.on('upgrade', (request, socket, head) => {
	wss.handleUpgrade(request, socket, head, (ws) => wss.emit('connection', ws, request));
});
server.listen(Number(process.env.PORT), '127.0.0.1');
