// Profiles Narada under one load point: `node bench/profile.js [edits|workshop|storm|cold] [N]` starts the
// server with --cpu-prof, runs the point, stops it gracefully and prints the top self-time
// functions. Used to find why a target is missed before changing the core.
import { readdirSync, readFileSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runColdLoad, runJoinStorm } from './lib/scenarios.js';
import { runBoardLoad } from './lib/workload.js';
import { benchServer } from './servers/index.js';

const shape = process.argv[2] ?? 'edits';
const n = Number(process.argv[3] ?? 200);
const dir = mkdtempSync(join(tmpdir(), 'narada-prof-'));
const server = benchServer('narada', { nodeArgs: ['--cpu-prof', `--cpu-prof-dir=${dir}`] });
await server.start();
let result;
try {
	result =
		shape === 'storm'
			? await runJoinStorm(server, { clients: n, boardBytes: 1_000_000 })
			: shape === 'cold'
				? await runColdLoad(server, { updates: n })
				: await runBoardLoad(server, { n, shape, durationMs: 8000, warmupMs: 1000, seed: 7 });
} finally {
	await server.kill('SIGTERM');
}
console.log(JSON.stringify(shape === 'storm' || shape === 'cold' ? result : { latency: result.latency, cpu: result.serverCpuPercent, loop: result.eventLoopP99Ms }));
// Files are CPU.<date>.<time>.<pid>.<thread>.<seq>.cpuprofile: thread 0 is the event loop (the
// WAL checkpoint worker writes its own). The cold load restarts the server: the last one loaded the board.
const file = readdirSync(dir)
	.filter((f) => f.endsWith('.cpuprofile') && f.split('.')[4] === '0')
	.sort()
	.at(-1);
if (!file) throw new Error('no profile written');
const profile = JSON.parse(readFileSync(join(dir, file), 'utf8'));
const self = new Map();
const dt = profile.timeDeltas;
const byId = new Map(profile.nodes.map((node) => [node.id, node]));
profile.samples.forEach((id, i) => {
	const { callFrame } = byId.get(id);
	const key = `${callFrame.functionName || '(anonymous)'} ${callFrame.url.split('/').slice(-2).join('/')}:${callFrame.lineNumber + 1}`;
	self.set(key, (self.get(key) ?? 0) + (dt[i] ?? 0));
});
const total = [...self.values()].reduce((a, b) => a + b, 0);
console.log(`profile: ${join(dir, file)}`);
for (const [key, us] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`${((us / total) * 100).toFixed(1).padStart(5)}%  ${key}`);
process.exit(0);
