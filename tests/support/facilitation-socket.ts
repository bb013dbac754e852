import { io, type Socket } from 'socket.io-client';

/** A socket.io client of the facilitation channel signed in as `token`, the way a browser connects (WebSocket, Origin). */
export function facilitationSocket(serverUrl: string, token: string): Socket {
	return io(serverUrl, {
		path: '/socket.io',
		transports: ['websocket'],
		reconnection: false,
		extraHeaders: { origin: serverUrl, cookie: `narada_session=${token}` }
	});
}

/** Sends a command and resolves to the server's acknowledgement. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each test reads the ack shape it expects
export function sendCommand(socket: Socket, event: string, payload: unknown = {}): Promise<any> {
	return socket.timeout(5000).emitWithAck(event, payload);
}
