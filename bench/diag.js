// Where a p99 comes from: `taskset -c 1 node bench/diag.js workshop 10 [reps] [servers]` runs one point
// against each server with every sample kept and prints, per run, the p99, the worst edits
// (the slowest probe per edit) with their moment in the window, and how many probes each hiccup hit.
import { runBoardLoad } from './lib/workload.js';
import { readProbe } from './lib/workload.js';
import { benchServer } from './servers/index.js';
import { summarize } from './lib/stats.js';
import { writeFileSync } from 'node:fs';

const shape = process.argv[2] ?? 'edits';
const n = Number(process.argv[3] ?? 50);
const reps = Number(process.argv[4] ?? 3);
const kinds = (process.argv[5] ?? 'narada,hocuspocus,y-websocket').split(',');
const durationMs = Number(process.env.BENCH_DURATION_MS ?? 10_000);
const out = {};
for (let rep = 0; rep < reps; rep++) {
	for (const kind of kinds) {
		const server = benchServer(kind);
		await server.start();
		let result;
		await new Promise((r) => setTimeout(r, 600));
		const idle = readProbe(server)?.memory;
		try {
			result = await runBoardLoad(server, { n, shape, durationMs, warmupMs: 2000, seed: 1000 * n + rep, raw: true });
		} finally {
			await server.stop();
		}
		const lat = summarize(result.samples.map((s) => s[1]));
		const perEdit = new Map();
		for (const [t, l, p, key] of result.samples) {
			const e = perEdit.get(key) ?? { t, worst: 0, probes: 0 };
			e.worst = Math.max(e.worst, l);
			e.probes++;
			perEdit.set(key, e);
		}
		const worst = [...perEdit.entries()].sort((a, b) => b[1].worst - a[1].worst).slice(0, 8);
		console.log(`${shape} N=${n} ${kind} rep ${rep + 1}: samples ${lat.count} p50 ${lat.p50} p99 ${lat.p99} max ${lat.max} loop max ${result.eventLoopMaxMs?.toFixed(1)} gc ${JSON.stringify(result.gc)}`);
		console.log('   worst edits (t in window ms: worst ms, probes ≥ p99):', worst.map(([key, e]) => `${e.t.toFixed(0)}:${e.worst.toFixed(1)}`).join('  '));
		console.log('   memory idle → end of window (MB):', Object.keys(idle ?? {}).map((k) => `${k} ${idle[k]}→${result.memory?.[k]}`).join(', '));
		(out[kind] ??= []).push(result.samples);
	}
}
writeFileSync(`/tmp/diag/${shape}-${n}.json`, JSON.stringify(out));
process.exit(0);
