/**
 * y-websocket reconnects after 2^n × 100 ms (capped), with no randomness: when the server
 * restarts, every laptop in the room comes back in the same millisecond. This wrapper is
 * passed as the provider's WebSocketPolyfill and delays each reconnect by a random share of a
 * window that grows with the number of failed attempts ("full jitter"). The first connection
 * of a page opens at once.
 */
export interface JitterOptions {
	/** Failed attempts so far; read when the provider creates the next socket. */
	attempts: () => number;
	baseMs?: number;
	maxMs?: number;
	random?: () => number;
}

export function reconnectDelay(attempts: number, { baseMs = 500, maxMs = 5000, random = Math.random }: Omit<JitterOptions, 'attempts'> = {}) {
	if (attempts <= 0) return 0;
	return Math.floor(random() * Math.min(maxMs, baseMs * 2 ** (attempts - 1)));
}

type Handler<E> = ((event: E) => void) | null;

export function jitteredWebSocket(options: JitterOptions): typeof WebSocket {
	class JitteredWebSocket {
		static readonly CONNECTING = 0;
		static readonly OPEN = 1;
		static readonly CLOSING = 2;
		static readonly CLOSED = 3;
		readonly CONNECTING = 0;
		readonly OPEN = 1;
		readonly CLOSING = 2;
		readonly CLOSED = 3;

		onopen: Handler<Event> = null;
		onmessage: Handler<MessageEvent> = null;
		onclose: Handler<CloseEvent> = null;
		onerror: Handler<Event> = null;

		#socket: WebSocket | null = null;
		#timer: ReturnType<typeof setTimeout> | null = null;
		#closed = false;
		#binaryType: BinaryType = 'blob';

		constructor(
			readonly url: string,
			protocols?: string | string[]
		) {
			const delay = reconnectDelay(options.attempts(), options);
			if (delay === 0) this.#open(protocols);
			else this.#timer = setTimeout(() => this.#open(protocols), delay);
		}

		#open(protocols?: string | string[]) {
			this.#timer = null;
			if (this.#closed) return;
			const socket = new WebSocket(this.url, protocols);
			socket.binaryType = this.#binaryType;
			// Forward to whatever handler is current: the provider swaps and clears them.
			socket.onopen = (event) => this.onopen?.(event);
			socket.onmessage = (event) => this.onmessage?.(event);
			socket.onclose = (event) => this.onclose?.(event);
			socket.onerror = (event) => this.onerror?.(event);
			this.#socket = socket;
		}

		get binaryType() {
			return this.#binaryType;
		}

		set binaryType(value: BinaryType) {
			this.#binaryType = value;
			if (this.#socket) this.#socket.binaryType = value;
		}

		get readyState(): number {
			if (this.#socket) return this.#socket.readyState;
			return this.#closed ? this.CLOSED : this.CONNECTING;
		}

		get bufferedAmount() {
			return this.#socket?.bufferedAmount ?? 0;
		}

		send(data: string | ArrayBufferLike | Blob | ArrayBufferView) {
			this.#socket?.send(data as ArrayBuffer);
		}

		close(code?: number, reason?: string) {
			this.#closed = true;
			if (this.#timer) clearTimeout(this.#timer);
			this.#timer = null;
			this.#socket?.close(code, reason);
		}
	}
	return JitteredWebSocket as unknown as typeof WebSocket;
}
