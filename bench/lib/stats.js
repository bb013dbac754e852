import { readFileSync } from 'node:fs';

/** Sorted-array percentile; samples are few enough (≤ a few 100k) that a histogram buys nothing. */
export function summarize(samples) {
	if (samples.length === 0) return { count: 0, p50: null, p99: null, max: null };
	const sorted = Float64Array.from(samples).sort();
	const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
	return { count: sorted.length, p50: round(at(0.5)), p99: round(at(0.99)), max: round(sorted[sorted.length - 1]) };
}

/** The runs a point is judged on: those not discarded for an overloaded generator (all, if every one was). */
export function usableRuns(runs) {
	const kept = runs.filter((run) => !run.discarded);
	return kept.length ? kept : runs;
}

export function median(values) {
	const v = values.filter((x) => typeof x === 'number' && Number.isFinite(x)).sort((a, b) => a - b);
	if (v.length === 0) return null;
	// Discarded runs can leave an even count; the mean of the middle two is rounded for the tables.
	return v.length % 2 ? v[(v.length - 1) / 2] : round((v[v.length / 2 - 1] + v[v.length / 2]) / 2, 3);
}

export function round(x, digits = 2) {
	if (x === null || x === undefined || !Number.isFinite(x)) return null;
	const f = 10 ** digits;
	return Math.round(x * f) / f;
}

const CLOCK_TICKS = 100; // USER_HZ on Linux

/** utime+stime in seconds and RSS in bytes of a process, from /proc/<pid>/stat. */
export function readProc(pid) {
	try {
		const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
		const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
		// fields[0] is field 3 (state): utime is field 14, stime 15, rss 24 (pages).
		const cpu = (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
		const rss = Number(fields[21]) * 4096;
		return { cpu, rss };
	} catch {
		return null;
	}
}

/**
 * Samples a server's CPU and RSS every 250 ms between start() and stop(): CPU as the share of
 * one core over the window, RSS as the peak and the last value.
 */
export function sampleProcess(pid) {
	let first = null;
	let last = null;
	let peakRss = 0;
	let startedAt = 0;
	const tick = () => {
		const now = readProc(pid);
		if (!now) return;
		last = { ...now, at: performance.now() };
		peakRss = Math.max(peakRss, now.rss);
	};
	let timer = null;
	return {
		start() {
			startedAt = performance.now();
			const now = readProc(pid);
			first = now && { ...now, at: startedAt };
			timer = setInterval(tick, 250);
		},
		stop() {
			clearInterval(timer);
			tick();
			if (!first || !last) return { cpuPercent: null, rssMb: null, peakRssMb: null };
			const seconds = (last.at - first.at) / 1000;
			return {
				cpuPercent: round(((last.cpu - first.cpu) / seconds) * 100, 1),
				rssMb: round(last.rss / 2 ** 20, 1),
				peakRssMb: round(peakRss / 2 ** 20, 1)
			};
		}
	};
}

/** The generator's own CPU over a window, as a share of one core. */
export function selfCpu() {
	const start = process.cpuUsage();
	const at = performance.now();
	return () => {
		const used = process.cpuUsage(start);
		return round(((used.user + used.system) / 1000 / (performance.now() - at)) * 100, 1);
	};
}

/** Deterministic PRNG so every server sees the same schedule ("same seeds"). */
export function mulberry32(seed) {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
