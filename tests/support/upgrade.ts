import { WebSocket } from 'ws';

/** The HTTP status of a refused board-socket upgrade, or 'open' when the server accepted it. */
export function upgradeAnswer(serverUrl: string, boardId: string, headers: { cookie?: string; origin?: string }): Promise<number | 'open'> {
	const socket = new WebSocket(`${serverUrl.replace('http', 'ws')}/collab/${boardId}`, {
		headers: { origin: serverUrl, ...headers }
	});
	return new Promise<number | 'open'>((resolve) => {
		socket.on('unexpected-response', (request, response) => {
			resolve(response.statusCode ?? 0);
			request.destroy();
		});
		socket.on('open', () => {
			resolve('open');
			socket.close();
		});
		socket.on('error', () => {});
	});
}
