// Preloaded into every server under test (`node --import ./bench/probe.js server.js`): the
// app does not expose its event-loop delay, so this measures it from inside the process with
// perf_hooks and writes the figures to BENCH_PROBE_FILE, where the generator reads them.
import { writeFileSync } from 'node:fs';
import { constants, monitorEventLoopDelay, PerformanceObserver } from 'node:perf_hooks';

const file = process.env.BENCH_PROBE_FILE;
if (file) {
	const histogram = monitorEventLoopDelay({ resolution: 5 });
	histogram.enable();
	// Garbage-collection pauses, to tell a GC tail from a slow code path when a p99 is high.
	const gc = { count: 0, totalMs: 0, maxMs: 0, major: 0 };
	// With BENCH_PROBE_EVENTS: the moments (epoch ms) of GC pauses and event-loop stalls, for bench/diag.js.
	const events = process.env.BENCH_PROBE_EVENTS ? [] : null;
	if (events) {
		let expected = performance.now() + 1;
		setInterval(() => {
			const now = performance.now();
			if (now - expected > 1.5) events.push(['stall', performance.timeOrigin + expected, now - expected]);
			expected = now + 1;
		}, 1).unref();
	}
	new PerformanceObserver((list) => {
		for (const entry of list.getEntries()) {
			events?.push(['gc', performance.timeOrigin + entry.startTime, entry.duration]);
			gc.count++;
			gc.totalMs += entry.duration;
			gc.maxMs = Math.max(gc.maxMs, entry.duration);
			if (entry.detail?.kind === constants.NODE_PERFORMANCE_GC_MAJOR) gc.major++;
		}
	}).observe({ entryTypes: ['gc'] });
	let max = 0;
	const write = () => {
		// Nanoseconds → ms. The generator resets the window by reading `reset` timestamps.
		const figures = {
			at: Date.now(),
			p50: histogram.percentile(50) / 1e6,
			p99: histogram.percentile(99) / 1e6,
			max: histogram.max / 1e6,
			count: histogram.count,
			gc: { ...gc },
			...(events ? { events: events.slice(-2000) } : {}),
			// Where the resident memory is (V8 heap, buffers, native), in MB: growth is a target.
			memory: Object.fromEntries(Object.entries(process.memoryUsage()).map(([k, v]) => [k, Math.round(v / 2 ** 17) / 8]))
		};
		max = Math.max(max, figures.max);
		try {
			writeFileSync(file, JSON.stringify(figures));
		} catch {
			// The generator removed the directory: the run is over.
		}
	};
	setInterval(write, 250).unref();
	// The generator sends SIGUSR2 when the measured window starts: earlier delays (boot, seeding) do not count.
	process.on('SIGUSR2', () => {
		histogram.reset();
		Object.assign(gc, { count: 0, totalMs: 0, maxMs: 0, major: 0 });
	});
}
