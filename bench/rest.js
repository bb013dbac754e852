// One edit at a time, at rest: `taskset -c 1 node bench/rest.js [rounds] [edits]`. One light
// writer and one probe on a board, an edit every 15–21 ms, the three servers taking turns for
// `rounds` rounds (3 by default). This is the per-edit path with nothing else going on, where
// Narada's commit before the broadcast shows most; the second table times that commit on
// Narada's own migrated file (the same insert transaction as db/board-updates.ts), back to back
// ("hot") and 15 ms apart ("at rest", as between edits here), beside a bare write() of the same
// bytes to a file, the floor for any store that keeps an edit before sending it on.
import Database from 'better-sqlite3';
import { closeSync, openSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { connectProbe, createCounters, LightClient } from './lib/clients.js';
import { median, sleep, summarize } from './lib/stats.js';
import { benchServer } from './servers/index.js';

const KINDS = ['narada', 'hocuspocus', 'y-websocket'];
const rounds = Number(process.argv[2] ?? 3);
const edits = Number(process.argv[3] ?? 600);

const latency = Object.fromEntries(KINDS.map((kind) => [kind, []]));
const commits = [];
for (let round = 0; round < rounds; round++) {
	for (const kind of KINDS) {
		const server = benchServer(kind);
		await server.start();
		try {
			latency[kind].push(await restLatency(server));
			if (kind === 'narada') {
				await server.kill('SIGTERM');
				commits.push(await commitCost(server.databasePath, join(server.dir, 'append.bin'), server.boardIds(1)[0]));
			}
		} finally {
			await server.stop();
		}
	}
}

console.log(`\nat rest: one writer, one probe, ${edits} edits per run, median of ${rounds} runs (ms)`);
console.log('server'.padEnd(12), 'p50'.padStart(6), 'p99'.padStart(6), 'max'.padStart(6));
for (const kind of KINDS) {
	const runs = latency[kind];
	console.log(kind.padEnd(12), ...['p50', 'p99', 'max'].map((q) => String(median(runs.map((r) => r[q]))).padStart(6)));
}
console.log(`\nNarada's commit of one edit on its own file (µs, median of ${rounds} runs)`);
for (const key of ['commitHot', 'commitAtRest', 'writeAtRest']) {
	const p50 = median(commits.map((c) => c[key].p50));
	const p99 = median(commits.map((c) => c[key].p99));
	console.log(key.padEnd(14), `p50 ${p50}`, `p99 ${p99}`);
}
process.exit(0);

async function restLatency(server) {
	const counters = createCounters();
	const [boardId] = server.boardIds(1);
	const probe = await connectProbe(server, boardId, 0, counters);
	const writer = new LightClient(server, boardId, 1, counters);
	await writer.connect();
	const samples = [];
	let measuring = false;
	probe.doc.getMap('notes').observe((event) => {
		const now = performance.now();
		for (const key of event.keysChanged) if (measuring) samples.push(now - event.target.get(key).t);
	});
	for (let i = 0; i < edits + 50; i++) {
		measuring = i >= 50; // the first edits warm both ends up
		await sleep(15 + (i % 7));
		writer.edit(`k${i}`, { t: performance.now(), text: 'Nowa karteczka' });
	}
	await sleep(300);
	writer.close();
	probe.destroy();
	return summarize(samples);
}

/** The board update insert, in a transaction as the hub does it, and a bare append of the same bytes. */
async function commitCost(databasePath, appendPath, boardId) {
	const db = new Database(databasePath);
	db.pragma('synchronous = NORMAL');
	db.pragma('foreign_keys = ON');
	const insert = db.prepare('INSERT INTO board_updates (board_id, "update", created_at) VALUES (?, ?, ?)');
	const commit = db.transaction((update) => insert.run(boardId, update, Date.now()));
	const fd = openSync(appendPath, 'a');
	const update = Buffer.alloc(120, 7);
	const time = (fn) => {
		const start = process.hrtime.bigint();
		fn();
		return Number(process.hrtime.bigint() - start) / 1000;
	};
	const hot = Array.from({ length: 2000 }, () => time(() => commit(update)));
	const atRest = [];
	const write = [];
	for (let i = 0; i < 400; i++) {
		await sleep(15);
		if (i % 2) atRest.push(time(() => commit(update)));
		else write.push(time(() => writeSync(fd, update)));
	}
	closeSync(fd);
	rmSync(appendPath);
	db.close();
	const us = (samples) => {
		const { p50, p99 } = summarize(samples);
		return { p50: Math.round(p50), p99: Math.round(p99) };
	};
	return { commitHot: us(hot.slice(500)), commitAtRest: us(atRest), writeAtRest: us(write) };
}
