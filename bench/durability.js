// kill -9 durability: writers send uniquely keyed edits at a steady rate, observers (full
// providers) record every key they see, the server is SIGKILLed at a random moment and
// restarted, and a fresh client with no local state must hold every key any observer saw.
// Some iterations kill while a compaction is due (500 updates) or during unload compaction.
import { connectProbe, createCounters, LightClient } from './lib/clients.js';
import { mulberry32, sleep } from './lib/stats.js';
import { benchServer } from './servers/index.js';

const WRITERS = 3;
const OBSERVERS = 2;

export async function runDurability({ iterations = 200, log = console.log } = {}) {
	// Idle 0 s: a board unloads (with a compaction) as soon as its last client leaves.
	const server = benchServer('narada', { idleSeconds: 0 });
	await server.start();
	const rng = mulberry32(42);
	const [boardId] = server.boardIds(1);
	const counters = createCounters();
	let failures = 0;
	let kind = { steady: 0, compaction: 0, unload: 0 };
	const started = performance.now();
	try {
		for (let i = 0; i < iterations; i++) {
			const mode = i % 10 === 9 ? 'unload' : i % 4 === 3 ? 'compaction' : 'steady';
			kind[mode]++;
			const observers = [];
			const writers = [];
			const seen = new Set();
			try {
				for (let o = 0; o < OBSERVERS; o++) {
					const probe = await connectProbe(server, boardId, o, counters);
					probe.doc.getMap('notes').observe((event) => event.keysChanged.forEach((k) => seen.add(k)));
					for (const key of probe.doc.getMap('notes').keys()) seen.add(key);
					observers.push(probe);
				}
				for (let w = 0; w < WRITERS; w++) {
					const writer = new LightClient(server, boardId, 10 + w, counters);
					await writer.connect();
					writers.push(writer);
				}
				let seq = 0;
				const write = (count) => {
					for (let k = 0; k < count; k++) for (const [w, writer] of writers.entries()) writer.edit(`k:${i}:${w}:${seq++}`, seq);
				};
				if (mode === 'unload') {
					write(20);
					await sleep(50);
					for (const w of writers) w.close();
					for (const o of observers) o.destroy();
					// Last client gone: the unload compaction starts now; kill somewhere inside it.
					await sleep(rng() * 30);
				} else {
					// Steady: one edit per writer every 5 ms; 'compaction': bursts that cross the 500-update mark.
					const killAt = performance.now() + 50 + rng() * 400;
					while (performance.now() < killAt) {
						write(mode === 'compaction' ? 60 : 1);
						await sleep(5);
					}
				}
				await server.kill('SIGKILL');
			} finally {
				for (const w of writers) w.close();
				for (const o of observers) o.destroy();
			}
			await server.start();
			const fresh = await connectProbe(server, boardId, 5, counters);
			const notes = fresh.doc.getMap('notes');
			const missing = [...seen].filter((key) => !notes.has(key));
			fresh.destroy();
			if (missing.length > 0) {
				failures++;
				log(`iteration ${i + 1} (${mode}): ${missing.length} of ${seen.size} seen keys missing after kill -9, e.g. ${missing.slice(0, 3).join(', ')}`);
			}
			if ((i + 1) % 20 === 0) log(`  ${i + 1}/${iterations} kills, ${failures} with loss (${Math.round((performance.now() - started) / 1000)} s)`);
		}
		log(`durability: ${iterations} kill -9 iterations (${kind.steady} steady, ${kind.compaction} compaction bursts, ${kind.unload} during unload compaction): ${failures === 0 ? 'no key an observer saw was lost' : `${failures} iterations LOST keys`}`);
		return failures === 0 ? 0 : 1;
	} finally {
		await server.stop();
	}
}
