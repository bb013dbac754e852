import { requireConsultationRound } from '$lib/server/consultation/round-guard';
import { onRoundChange } from '$lib/server/consultation/round-events';
import type { RequestHandler } from './$types';

const HEARTBEAT_MS = 25_000;

/**
 * Server-sent events for the round page: one `change` event per committed change of the
 * round's remarks, so every facilitator's page reloads its list. No data travels here (the
 * page reloads through its own guarded load); the comment every 25 s keeps proxies from
 * closing an idle stream.
 */
export const GET: RequestHandler = async ({ locals, url, params, request }) => {
	const { round } = await requireConsultationRound(locals, url, params.processId, params.roundId);
	const encoder = new TextEncoder();
	let cleanup = () => {};
	const stream = new ReadableStream<Uint8Array>({
		start(controller) {
			const send = (chunk: string) => {
				try {
					controller.enqueue(encoder.encode(chunk));
				} catch {
					cleanup();
				}
			};
			const unsubscribe = onRoundChange(round.id, () => send('event: change\ndata: {}\n\n'));
			const heartbeat = setInterval(() => send(': heartbeat\n\n'), HEARTBEAT_MS);
			cleanup = () => {
				clearInterval(heartbeat);
				unsubscribe();
			};
			request.signal.addEventListener('abort', () => {
				cleanup();
				try {
					controller.close();
				} catch {
					// already closed
				}
			});
			send(': connected\n\n');
		},
		cancel() {
			cleanup();
		}
	});
	return new Response(stream, {
		headers: { 'content-type': 'text/event-stream', 'cache-control': 'no-cache, no-transform', connection: 'keep-alive', 'x-accel-buffering': 'no' }
	});
};
