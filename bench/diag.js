// Where a p99 comes from: `taskset -c 1 node bench/diag.js workshop 25 [runs] [narada,y-websocket]`
// runs one point against each server (same schedules as the bench) with every sample kept and
// prints, per run, p50/p99, the worst edits (slowest probe per edit, with their moment in the
// window; the same moment slow on every server is the generator's doing) and where the memory
// went. With BENCH_PROBE_EVENTS=1 the server also records its GC pauses and event-loop stalls
// (a 1 ms timer, which itself costs the server a little), and each slow edit is listed with the
// ones around it. Samples go to bench/results/diag-<shape>-<N>.json.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { summarize } from './lib/stats.js';
import { readProbe, runBoardLoad } from './lib/workload.js';
import { benchServer } from './servers/index.js';

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
		await new Promise((r) => setTimeout(r, 300)); // the probe's first figures
		const idle = readProbe(server)?.memory;
		try {
			result = await runBoardLoad(server, { n, shape, durationMs, warmupMs: 2000, seed: 1000 * n + rep, raw: true });
		} finally {
			await server.stop();
		}
		const lat = summarize(result.samples.map((s) => s[1]));
		const perEdit = new Map();
		for (const [t, l, , key] of result.samples) {
			const e = perEdit.get(key) ?? { t, worst: 0, probes: 0 };
			e.worst = Math.max(e.worst, l);
			e.probes++;
			perEdit.set(key, e);
		}
		const worst = [...perEdit.entries()].sort((a, b) => b[1].worst - a[1].worst).slice(0, 8);
		console.log(`${shape} N=${n} ${kind} rep ${rep + 1}: samples ${lat.count} p50 ${lat.p50} p99 ${lat.p99} max ${lat.max} loop max ${result.eventLoopMaxMs?.toFixed(1)} gc ${JSON.stringify(result.gc)}`);
		console.log('   worst edits (ms into the window: slowest probe ms):', worst.map(([key, e]) => `${e.t.toFixed(0)}:${e.worst.toFixed(1)}`).join('  '));
		console.log('   memory idle → end of window (MB):', Object.keys(idle ?? {}).map((k) => `${k} ${idle[k]}→${result.memory?.[k]}`).join(', '));
		if (result.events) {
			// Each slow edit (slowest probe ≥ 3 ms) with the server's GC pauses and loop stalls around its scheduled moment.
			const slow = [...perEdit.values()].filter((e) => e.worst >= 3).sort((a, b) => a.t - b.t);
			for (const e of slow) {
				const at = result.timeOrigin + e.t + (result.windowStart ?? 0);
				const near = result.events.filter(([, when]) => when >= at - 10 && when <= at + e.worst + 2).map(([kind, when, ms]) => `${kind}@${(when - at).toFixed(1)}:${ms.toFixed(1)}`);
				console.log(`   slow edit t=${e.t.toFixed(0)} ${e.worst.toFixed(1)} ms: ${near.join(' ') || 'no server event'}`);
			}
		}
		(out[kind] ??= []).push(result.samples);
	}
}
const results = join(dirname(fileURLToPath(import.meta.url)), 'results');
mkdirSync(results, { recursive: true });
writeFileSync(join(results, `diag-${shape}-${n}.json`), JSON.stringify(out));
process.exit(0);
