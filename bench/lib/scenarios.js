import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as Y from 'yjs';
import { connectProbe, createCounters, LightClient } from './clients.js';
import { round, sampleProcess, sleep, summarize } from './stats.js';
import { readProbe, readRss, signalProbe, waitFor } from './workload.js';

/** Writes about `bytes` of notes through a probe, in transactions well under any message limit. */
async function fillBoard(probe, bytes, noteBytes = 1000) {
	const notes = probe.doc.getMap('notes');
	const text = 'Pomysł na strategię: '.padEnd(noteBytes, 'x');
	const count = Math.ceil(bytes / noteBytes);
	for (let k = 0; k < count; k += 100) {
		probe.doc.transact(() => {
			for (let j = k; j < Math.min(count, k + 100); j++) notes.set(`big:${j}`, { t: 0, by: -1, text, x: j, y: j });
		});
		await sleep(5);
	}
	return Y.encodeStateAsUpdate(probe.doc).length;
}

/** 100 clients connect within 1 s to a 1 MB board; each is timed until it holds the server's full state. */
export async function runJoinStorm(server, { clients = 100, boardBytes = 1_000_000, windowMs = 1000 } = {}) {
	const counters = createCounters();
	const [boardId] = server.boardIds(1);
	const writer = await connectProbe(server, boardId, 0, counters);
	const light = [];
	try {
		const stateBytes = await fillBoard(writer, boardBytes);
		// The board must be whole on the server before the storm (Hocuspocus acknowledges with SyncStatus).
		const check = new LightClient(server, boardId, 1, counters);
		light.push(check);
		const before = counters.bytes;
		await check.connect();
		await waitFor(() => counters.bytes - before >= stateBytes * 0.95, 20_000, 'board uploaded').catch(() => {});
		const sampler = sampleProcess(server.pid);
		sampler.start();
		signalProbe(server);
		const start = performance.now();
		const times = [];
		await Promise.all(
			Array.from({ length: clients }, async (_, i) => {
				const at = start + (i * windowMs) / clients;
				await sleep(Math.max(0, at - performance.now()));
				const client = new LightClient(server, boardId, i + 2, counters);
				light.push(client);
				await client.connect(60_000);
				times.push(client.syncedAt - at);
			})
		);
		const allSyncedMs = performance.now() - start;
		const figures = sampler.stop();
		return {
			stateBytes,
			perClient: summarize(times),
			allSyncedMs: round(allSyncedMs, 1),
			serverCpuPercent: figures.cpuPercent,
			peakRssMb: figures.peakRssMb,
			eventLoopMaxMs: readProbe(server)?.max ?? null
		};
	} finally {
		for (const c of light) c.close();
		writer.destroy();
	}
}

/** 200 boards × 5 clients, then everyone leaves: memory should return near the idle baseline. */
export async function runManyBoards(server, { boards = 200, perBoard = 5, settleMs = 8000 } = {}) {
	const counters = createCounters();
	const ids = server.boardIds(boards);
	await sleep(500);
	const idle = readRss(server.pid);
	const clients = [];
	const started = performance.now();
	try {
		const all = [];
		ids.forEach((id, b) => {
			for (let k = 0; k < perBoard; k++) all.push(new LightClient(server, id, b * perBoard + k, counters));
		});
		for (let i = 0; i < all.length; i += 50) {
			const wave = all.slice(i, i + 50);
			await Promise.all(wave.map((c) => c.connect(60_000)));
			clients.push(...wave);
		}
		const connectMs = performance.now() - started;
		clients.forEach((c, i) => {
			c.edit(`n:${i}`, { t: 0, by: i, text: 'Karteczka', x: i, y: i });
			c.awareness(i, i);
		});
		await sleep(1500);
		const loaded = readRss(server.pid);
		for (const c of clients) c.close();
		clients.length = 0;
		// Narada unloads boards BOARD_IDLE_SECONDS (2 s in the bench) after the last client leaves.
		await sleep(settleMs);
		const after = readRss(server.pid);
		const mb = (bytes) => round(bytes / 2 ** 20, 1);
		return {
			connections: boards * perBoard,
			connectAllMs: round(connectMs, 0),
			idleRssMb: mb(idle),
			loadedRssMb: mb(loaded),
			afterLeaveRssMb: mb(after),
			growthLoadedMb: mb(loaded - idle),
			growthAfterLeaveMb: mb(after - idle)
		};
	} finally {
		for (const c of clients) c.close();
	}
}

/**
 * About 1.5 MB written as 1500 separate updates, the server restarted, then one fresh client
 * is timed from connect to synced. Compaction (what Narada does every 500 updates and on
 * unload: encode the whole state once, write it as one row) is timed on the same document.
 */
export async function runColdLoad(server, { updates = 1500, noteBytes = 1000, graceMs = 3000 } = {}) {
	const counters = createCounters();
	const [boardId] = server.boardIds(1);
	const writer = new LightClient(server, boardId, 0, counters);
	await writer.connect();
	const text = 'Notatka z warsztatu: '.padEnd(noteBytes, 'y');
	for (let k = 0; k < updates; k++) {
		writer.edit(`cold:${k}`, { t: 0, by: 0, text, x: k, y: k });
		if (k % 50 === 49) await sleep(15);
	}
	const stateBytes = Y.encodeStateAsUpdate(writer.doc).length;
	// Baselines persist late (Hocuspocus debounces 2–10 s); give every server the same grace.
	await sleep(graceMs);
	writer.close();
	await sleep(graceMs);
	await server.restart('SIGTERM');
	const reader = new LightClient(server, boardId, 1, counters);
	const start = performance.now();
	const before = counters.bytes;
	await reader.connect(60_000);
	const firstSyncMs = performance.now() - start;
	// y-websocket answers the first sync before its LevelDB load finishes and sends the rest
	// later: "synced" here means the whole board has arrived, whatever the protocol said.
	await waitFor(() => counters.bytes - before >= stateBytes * 0.95, 30_000, 'whole board').catch(() => {});
	const syncedMs = performance.now() - start;
	const receivedBytes = counters.bytes - before;
	reader.close();
	return {
		stateBytes,
		receivedBytes,
		complete: receivedBytes >= stateBytes * 0.95,
		connectToSyncedMs: round(syncedMs, 1),
		firstSyncStep2Ms: round(firstSyncMs, 1),
		compactionMs: round(timeCompaction(writer.doc), 1)
	};
}

/** BoardHub#compact's work on this document: encode the state once, store it as one row (WAL, NORMAL). */
function timeCompaction(doc) {
	const dir = mkdtempSync(join(tmpdir(), 'bench-compact-'));
	const db = new Database(join(dir, 'c.db'));
	db.pragma('journal_mode = WAL');
	db.pragma('synchronous = NORMAL');
	db.exec('create table s (id text primary key, state blob, last integer)');
	const insert = db.prepare('insert or replace into s values (?, ?, ?)');
	const start = performance.now();
	const state = Y.encodeStateAsUpdate(doc);
	db.transaction(() => insert.run('b', state, 1))();
	const ms = performance.now() - start;
	db.close();
	rmSync(dir, { recursive: true, force: true });
	return ms;
}
