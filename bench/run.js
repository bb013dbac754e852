#!/usr/bin/env node
// Narada's board socket against Hocuspocus and the y-websocket reference server, back to back
// on this machine. `npm run bench` (full), `-- --quick` (< 60 s), `-- --durability` (kill -9).
// Needs `cd bench && npm install` once, and a Narada build (npm run build).
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runColdLoad, runJoinStorm, runManyBoards } from './lib/scenarios.js';
import { median, round, usableRuns } from './lib/stats.js';
import { checkTargets } from './lib/targets.js';
import { GENERATOR_CPU_LIMIT, runBoardLoad } from './lib/workload.js';
import { benchServer, naradaBuildDir } from './servers/index.js';

const here = dirname(fileURLToPath(import.meta.url));
const args = new Set(process.argv.slice(2));

if (!existsSync(join(here, 'node_modules', '@hocuspocus', 'server'))) {
	console.error('bench/ has its own dependencies: run `cd bench && npm install` first.');
	process.exit(1);
}
// The generator runs on the core the servers do not use.
if (!process.env.BENCH_PINNED) {
	const child = spawn('taskset', ['-c', process.env.BENCH_GENERATOR_CORE ?? '1', process.execPath, ...process.argv.slice(1)], {
		stdio: 'inherit',
		env: { ...process.env, BENCH_PINNED: '1' }
	});
	child.on('exit', (code) => process.exit(code ?? 1));
} else if (args.has('--durability')) {
	const { runDurability } = await import('./durability.js');
	process.exit(await runDurability({ iterations: Number(process.env.BENCH_KILLS ?? 200) }));
} else if (process.argv.includes('--report')) {
	// Re-prints the tables and targets of an earlier results file: --report bench/results/latest-full.json
	const { readFileSync } = await import('node:fs');
	printTables(JSON.parse(readFileSync(process.argv[process.argv.indexOf('--report') + 1], 'utf8')));
	process.exit(0);
} else {
	await main(args.has('--quick'));
	process.exit(0);
}

async function main(quick) {
	const SERVERS = ['narada', 'hocuspocus', 'y-websocket'];
	const plan = quick
		? { reps: 1, warmupMs: 1000, durationMs: 2500, workshop: [25], edits: [50], storm: { clients: 50, boardBytes: 500_000 }, many: null, cold: { updates: 500, graceMs: 800 } }
		: // Up to N=50 the three servers are within a few ms and a p99 rests on a few hundred edits:
			// five runs there, so that "worse beyond run-to-run noise" can be told (lib/targets.js).
			{ reps: 3, smallReps: 5, smallUpTo: 50, warmupMs: 2000, durationMs: 10_000, workshop: [10, 25, 50, 100], edits: [50, 100, 200, 400], storm: { clients: 100, boardBytes: 1_000_000 }, many: { boards: 200, perBoard: 5 }, cold: { updates: 1500 } };
	const startedAt = new Date();
	console.log(`Narada bench (${quick ? 'quick' : 'full'}), build ${naradaBuildDir()}, runs per point: ${runsPerPoint(plan)}, median reported.`);
	const results = { startedAt: startedAt.toISOString(), quick, node: process.version, plan, points: [], storm: [], many: [], cold: [] };

	for (const [shape, sizes] of [['workshop', plan.workshop], ['edits', plan.edits]]) {
		for (const n of sizes) {
			const runs = Object.fromEntries(SERVERS.map((s) => [s, []]));
			const reps = n <= (plan.smallUpTo ?? 0) ? plan.smallReps : plan.reps;
			for (let rep = 0; rep < reps; rep++) {
				for (const kind of SERVERS) {
					const result = await withServer(kind, {}, (server) =>
						runBoardLoad(server, { n, shape, durationMs: plan.durationMs, warmupMs: plan.warmupMs, seed: 1000 * n + rep })
					);
					if (result.discarded) console.log(`  discarded: ${shape} N=${n} ${kind} run ${rep + 1}: generator CPU ${result.generatorCpuPercent}% > ${GENERATOR_CPU_LIMIT}%`);
					runs[kind].push(result);
				}
			}
			const point = { shape, n, servers: Object.fromEntries(SERVERS.map((s) => [s, aggregate(runs[s])])), runs };
			results.points.push(point);
			console.log(pointLine(point));
		}
	}

	for (const kind of SERVERS) {
		const storm = [];
		for (let rep = 0; rep < plan.reps; rep++) storm.push(await withServer(kind, {}, (s) => runJoinStorm(s, plan.storm)));
		results.storm.push({ server: kind, allSyncedMs: median(storm.map((r) => r.allSyncedMs)), p99Ms: median(storm.map((r) => r.perClient.p99)), cpu: median(storm.map((r) => r.serverCpuPercent)), stateBytes: storm[0].stateBytes, runs: storm });
		const cold = [];
		for (let rep = 0; rep < plan.reps; rep++) cold.push(await withServer(kind, {}, (s) => runColdLoad(s, plan.cold)));
		results.cold.push({ server: kind, connectToSyncedMs: median(cold.map((r) => r.connectToSyncedMs)), compactionMs: median(cold.map((r) => r.compactionMs)), complete: cold.every((r) => r.complete), stateBytes: cold[0].stateBytes, runs: cold });
		if (plan.many) {
			const many = await withServer(kind, { boards: plan.many.boards }, (s) => runManyBoards(s, plan.many));
			results.many.push({ server: kind, ...many });
		}
	}

	printTables(results);
	const outDir = join(here, 'results');
	mkdirSync(outDir, { recursive: true });
	const file = join(outDir, `${quick ? 'quick' : 'full'}-${startedAt.toISOString().replaceAll(':', '-').slice(0, 19)}.json`);
	writeFileSync(file, JSON.stringify(results, null, 1));
	writeFileSync(join(outDir, `latest-${quick ? 'quick' : 'full'}.json`), JSON.stringify(results, null, 1));
	console.log(`\nResults: ${file} (${round((Date.now() - startedAt.getTime()) / 1000, 0)} s)`);
}

async function withServer(kind, options, body) {
	const server = benchServer(kind, options);
	try {
		await server.start();
		return await body(server);
	} finally {
		await server.stop();
	}
}

/** Median over the runs that were not discarded (all runs if every one was). */
function aggregate(runs) {
	const use = usableRuns(runs);
	const m = (f) => median(use.map(f));
	return {
		p50: m((r) => r.latency.p50),
		p99: m((r) => r.latency.p99),
		max: m((r) => r.latency.max),
		cpu: m((r) => r.serverCpuPercent),
		rssMb: m((r) => r.rssMb),
		rssGrowthMb: m((r) => r.rssGrowthMb),
		eventLoopP99: round(m((r) => r.eventLoopP99Ms)),
		msgsPerSec: m((r) => r.messagesOutPerSec),
		kbPerSec: round(m((r) => r.bytesOutPerSec) / 1024, 0),
		rowsPerSec: m((r) => r.rowsWrittenPerSec),
		generatorCpu: m((r) => r.generatorCpuPercent),
		unseen: Math.max(...use.map((r) => r.unseenEdits)),
		discarded: runs.filter((r) => r.discarded).length,
		facilitatorP99: m((r) => r.facilitator?.p99 ?? null)
	};
}

function runsPerPoint(plan) {
	return plan.smallReps ? `${plan.smallReps} up to N=${plan.smallUpTo}, ${plan.reps} above` : String(plan.reps);
}

function pointLine({ shape, n, servers }) {
	const narada = servers.narada;
	const best = Math.min(servers.hocuspocus.p99 ?? Infinity, servers['y-websocket'].p99 ?? Infinity);
	return (
		`${shape} N=${n} narada p99=${narada.p99} ms hocuspocus p99=${servers.hocuspocus.p99} ms y-websocket p99=${servers['y-websocket'].p99} ms ` +
		`ratio=${round(best / narada.p99)} cpu=${narada.cpu}% rss=${narada.rssMb} MB` +
		(narada.facilitatorP99 !== null ? ` socket.io fan-out p99=${narada.facilitatorP99} ms` : '')
	);
}

function printTables(results) {
	for (const shape of ['workshop', 'edits']) {
		const rows = [];
		for (const point of results.points.filter((p) => p.shape === shape)) {
			for (const [server, a] of Object.entries(point.servers)) {
				rows.push({ N: point.n, server, 'p50 ms': a.p50, 'p99 ms': a.p99, 'max ms': a.max, 'cpu %': a.cpu, 'rss MB': a.rssMb, 'growth MB': a.rssGrowthMb, 'loop p99 ms': a.eventLoopP99, 'msg/s': a.msgsPerSec, 'KB/s': a.kbPerSec, 'rows/s': a.rowsPerSec, 'gen cpu %': a.generatorCpu, unseen: a.unseen, discarded: a.discarded, 'sio p99 ms': a.facilitatorP99 });
			}
		}
		if (rows.length === 0) continue;
		console.log(`\n== ${shape} (median of the runs: ${runsPerPoint(results.plan)})`);
		console.table(rows);
	}
	console.log('\n== join storm');
	console.table(results.storm.map(({ runs, ...r }) => r));
	console.log('\n== large-board cold load');
	console.table(results.cold.map(({ runs, ...r }) => r));
	if (results.many.length) {
		console.log('\n== many boards');
		console.table(results.many);
	}
	console.log('\n== targets (Narada, this machine)');
	console.table(checkTargets(results));
	console.log('\n== summary');
	for (const point of results.points) console.log(pointLine(point));
}
