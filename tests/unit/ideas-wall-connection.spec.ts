import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { deriveConnectionState, OFFLINE_AFTER_ATTEMPTS } from '../../src/lib/collab/connection-status.svelte';
import { jitteredWebSocket, reconnectDelay } from '../../src/lib/collab/jittered-websocket';
import { isFinalClose, toStopReason } from '../../src/lib/collab/stop-reasons';

const facts = { stopped: null, connectedAndSynced: false, browserOnline: true, failedAttempts: 0, hasBeenConnected: false };

describe('what the connection status tells people', () => {
	it('is "connecting" on the first visit and "connected" once synced', () => {
		expect(deriveConnectionState(facts)).toBe('connecting');
		expect(deriveConnectionState({ ...facts, connectedAndSynced: true })).toBe('connected');
	});

	it('says "reconnecting" after a drop, then "offline" when retries keep failing or the laptop has no network', () => {
		const dropped = { ...facts, hasBeenConnected: true, failedAttempts: 1 };
		expect(deriveConnectionState(dropped)).toBe('reconnecting');
		expect(deriveConnectionState({ ...dropped, failedAttempts: OFFLINE_AFTER_ATTEMPTS })).toBe('offline');
		expect(deriveConnectionState({ ...dropped, browserOnline: false })).toBe('offline');
	});

	it('says "stopped" when the server closed for a reason reconnecting cannot fix', () => {
		expect(deriveConnectionState({ ...facts, connectedAndSynced: true, stopped: 'session-revoked' })).toBe('stopped');
	});
});

describe('close reasons', () => {
	it('stops for the server’s deliberate refusals and retries after restarts and network drops', () => {
		expect(isFinalClose({ code: 4405, reason: 'read-only' })).toBe(true);
		expect(isFinalClose({ code: 4410, reason: 'session-revoked' })).toBe(true);
		expect(isFinalClose({ code: 1009, reason: '' })).toBe(true);
		expect(isFinalClose({ code: 4503, reason: 'server-shutdown' })).toBe(false);
		expect(isFinalClose({ code: 1006, reason: '' })).toBe(false);
		expect(toStopReason({ code: 4405, reason: 'read-only' })).toBe('read-only');
		expect(toStopReason({ code: 4499, reason: 'something new' })).toBe('unknown');
	});
});

describe('reconnect jitter', () => {
	it('opens the first connection at once and spreads reconnects over a growing window', () => {
		expect(reconnectDelay(0, { random: () => 0.99 })).toBe(0);
		expect(reconnectDelay(1, { random: () => 0.5 })).toBe(250);
		expect(reconnectDelay(3, { random: () => 0.999 })).toBe(1998);
		expect(reconnectDelay(20, { random: () => 0.999 })).toBeLessThan(5000);
		const spread = new Set(Array.from({ length: 40 }, () => reconnectDelay(2)));
		expect(spread.size).toBeGreaterThan(20);
	});

	describe('the WebSocket wrapper', () => {
		const opened: string[] = [];
		class FakeSocket {
			binaryType = 'blob';
			readyState = 0;
			onclose: ((e: unknown) => void) | null = null;
			constructor(readonly url: string) {
				opened.push(url);
			}
			close() {
				this.readyState = 3;
			}
		}
		beforeEach(() => {
			opened.length = 0;
			vi.useFakeTimers();
			vi.stubGlobal('WebSocket', FakeSocket);
		});
		afterEach(() => {
			vi.useRealTimers();
			vi.unstubAllGlobals();
		});

		it('delays the real socket by the jitter and passes binaryType through', () => {
			const Socket = jitteredWebSocket({ attempts: () => 2, random: () => 0.5 });
			const socket = new Socket('ws://x/collab/b');
			socket.binaryType = 'arraybuffer';
			expect(opened).toEqual([]);
			expect(socket.readyState).toBe(0);
			vi.advanceTimersByTime(500);
			expect(opened).toEqual(['ws://x/collab/b']);
		});

		it('never opens a socket that was closed while waiting', () => {
			const Socket = jitteredWebSocket({ attempts: () => 1, random: () => 0.9 });
			const socket = new Socket('ws://x/collab/b');
			socket.close();
			vi.advanceTimersByTime(10_000);
			expect(opened).toEqual([]);
			expect(socket.readyState).toBe(3);
		});
	});
});
