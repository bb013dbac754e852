import { io } from 'socket.io-client';
import * as Y from 'yjs';
import { connectProbe, createCounters, LightClient } from './clients.js';
import { mulberry32, readProc, round, sampleProcess, selfCpu, sleep, summarize } from './stats.js';
import { readFileSync } from 'node:fs';
import { naradaRowsWritten } from '../servers/narada-seed.js';

const EDIT_EVERY_MS = 2000;
const BURST_MS = 10_000;
const BURST_SHARE = 0.2;
const TYPING_EVERY_MS = 200;
const AWARENESS_EVERY_MS = 500;
const FACILITATOR_EVERY_MS = 10_000;
const BOARD_NOTES = 200;
/** The generator's own CPU above this share of its core makes a run unusable. */
export const GENERATOR_CPU_LIMIT = 80;

/**
 * One measured point: N clients (probes with full docs + light clients) on one board of ~200
 * notes, open-loop schedule fixed before the run from `seed`. Returns latency and server figures.
 */
export async function runBoardLoad(server, { n, shape, durationMs, warmupMs, seed, probes = 5, raw = false }) {
	const counters = createCounters();
	const [boardId] = server.boardIds(1);
	const rng = mulberry32(seed);
	const probeCount = Math.min(probes, n);
	const probeClients = [];
	const light = [];
	const idleRss = readRss(server.pid);
	try {
		for (let i = 0; i < probeCount; i++) probeClients.push(await connectProbe(server, boardId, i, counters));
		// The ~200-note board, written by the first probe as ordinary edits.
		probeClients[0].doc.transact(() => {
			const notes = probeClients[0].doc.getMap('notes');
			for (let k = 0; k < BOARD_NOTES; k++) notes.set(`seed:${k}`, { t: 0, by: -1, text: `Pomysł numer ${k} na strategię powiatu`, x: k * 7, y: k * 3 });
		});
		await waitFor(() => probeClients.every((p) => p.doc.getMap('notes').size >= BOARD_NOTES), 20_000, 'seed notes visible');
		for (let i = probeCount; i < n; i++) {
			const client = new LightClient(server, boardId, i, counters);
			light.push(client);
		}
		// Connect in waves so the connect phase is not itself a join storm.
		for (let i = 0; i < light.length; i += 25) await Promise.all(light.slice(i, i + 25).map((c) => c.connect()));

		const facilitation = shape === 'workshop' && server.kind === 'narada' ? await connectRoom(server, n, counters) : null;

		// The whole schedule, fixed in advance (same seed → same schedule on every server).
		const clients = n;
		const events = [];
		const totalMs = warmupMs + durationMs;
		for (let c = 0; c < clients; c++) {
			for (let t = rng() * EDIT_EVERY_MS; t < totalMs; t += EDIT_EVERY_MS) events.push({ at: t, c, kind: 'edit' });
			if (shape === 'workshop') {
				for (let t = rng() * AWARENESS_EVERY_MS; t < totalMs; t += AWARENESS_EVERY_MS) events.push({ at: t, c, kind: 'awareness' });
			}
		}
		if (shape === 'workshop') {
			const bursting = Math.max(1, Math.round(clients * BURST_SHARE));
			for (let w = 0; w < totalMs; w += BURST_MS) {
				const chosen = new Set();
				while (chosen.size < bursting) chosen.add(Math.floor(rng() * clients));
				for (const c of chosen) {
					for (let t = w + rng() * TYPING_EVERY_MS; t < Math.min(w + BURST_MS, totalMs); t += TYPING_EVERY_MS) events.push({ at: t, c, kind: 'type' });
				}
			}
			if (facilitation) for (let t = 1000; t < totalMs; t += FACILITATOR_EVERY_MS) events.push({ at: t, c: -1, kind: 'facilitator' });
		}
		events.sort((a, b) => a.at - b.at);

		const latencies = [];
		// With `raw`, every sample as [scheduled ms into the window, latency ms, probe, key] (bench/diag.js).
		const samples = raw ? [] : null;
		const startAt = performance.now() + 200;
		const measureFrom = startAt + warmupMs;
		let expected = 0;
		const seen = new Map();
		probeClients.forEach((probe, p) => {
			probe.doc.getMap('notes').observe((event) => {
				const now = performance.now();
				for (const key of event.keysChanged) {
					const note = event.target.get(key);
					if (!note || note.by === p || note.t < measureFrom) continue;
					latencies.push(now - note.t);
					samples?.push([note.t - measureFrom, now - note.t, p, key]);
					seen.set(key, (seen.get(key) ?? 0) + 1);
				}
			});
		});

		const sampler = sampleProcess(server.pid);
		let serverWindow = null;
		let generatorCpu = null;
		let rowsAtStart = 0;
		const seq = new Array(clients).fill(0);
		const measureTimer = setTimeout(() => {
			sampler.start();
			generatorCpu = selfCpu();
			signalProbe(server);
			counters.messages = 0;
			counters.bytes = 0;
			if (server.kind === 'narada') rowsAtStart = naradaRowsWritten(server.databasePath);
		}, Math.max(0, measureFrom - performance.now()));

		let index = 0;
		await new Promise((resolve) => {
			const step = () => {
				const now = performance.now();
				while (index < events.length && startAt + events[index].at <= now) {
					const event = events[index++];
					const scheduled = startAt + event.at;
					if (event.kind === 'facilitator') {
						facilitation.command(scheduled, scheduled >= measureFrom);
						continue;
					}
					const probe = event.c < probeCount ? probeClients[event.c] : null;
					const client = probe ?? light[event.c - probeCount];
					if (event.kind === 'edit') {
						const key = `n:${event.c}:${seq[event.c]++}`;
						const note = { t: scheduled, by: event.c, text: 'Nowa karteczka', x: event.c, y: seq[event.c] };
						if (scheduled >= measureFrom) expected++;
						if (probe) probe.doc.getMap('notes').set(key, note);
						else client.edit(key, note);
					} else if (event.kind === 'type') {
						if (probe) typeInto(probe.doc, event.c);
						else client.type();
					} else if (event.kind === 'awareness') {
						const x = Math.floor(scheduled) % 1000;
						if (probe) probe.awareness.setLocalStateField('cursor', { x, y: event.c });
						else client.awareness(x, event.c);
					}
				}
				if (index >= events.length) return resolve();
				setTimeout(step, Math.max(0, startAt + events[index].at - performance.now()));
			};
			step();
		});
		clearTimeout(measureTimer);
		const windowSeconds = (performance.now() - measureFrom) / 1000;
		const messagesOut = counters.messages;
		const bytesOut = counters.bytes;
		const generator = generatorCpu?.() ?? null;
		serverWindow = sampler.stop();
		const rows = server.kind === 'narada' ? naradaRowsWritten(server.databasePath) - rowsAtStart : null;
		const eventLoop = readProbe(server);
		// Let the last edits arrive; an edit never seen by a probe is reported, not hidden.
		await waitFor(() => seen.size >= expected, 3000, 'drain').catch(() => {});
		const facilitatorLatency = facilitation ? summarize(facilitation.latencies) : null;
		facilitation?.close();
		return {
			latency: summarize(latencies),
			unseenEdits: Math.max(0, expected - seen.size),
			serverCpuPercent: serverWindow.cpuPercent,
			rssMb: serverWindow.rssMb,
			rssGrowthMb: idleRss === null ? null : round(serverWindow.peakRssMb - idleRss / 2 ** 20, 1),
			eventLoopP99Ms: eventLoop?.p99 ?? null,
			eventLoopMaxMs: eventLoop?.max ?? null,
			gc: eventLoop?.gc ?? null,
			memory: eventLoop?.memory ?? null,
			...(raw ? { events: eventLoop?.events ?? null, timeOrigin: performance.timeOrigin, windowStart: measureFrom } : {}),
			messagesOutPerSec: round(messagesOut / windowSeconds, 0),
			bytesOutPerSec: round(bytesOut / windowSeconds, 0),
			rowsWrittenPerSec: rows === null ? null : round(rows / windowSeconds, 1),
			generatorCpuPercent: generator,
			discarded: generator !== null && generator > GENERATOR_CPU_LIMIT,
			facilitator: facilitatorLatency,
			...(samples ? { samples } : {})
		};
	} finally {
		for (const c of light) c.close();
		for (const p of probeClients) p.destroy();
	}
}

function typeInto(doc, c) {
	const texts = doc.getMap('texts');
	let text = texts.get(`p${c}`);
	if (!text) {
		text = new Y.Text();
		texts.set(`p${c}`, text);
	}
	text.insert(text.length, 'a');
}

/**
 * The facilitation channel: Narada has no bench-only broadcast command and the app must not
 * change, so this measures the socket.io roster fan-out instead: a facilitator joining the
 * workshop makes the server emit 'roster:update' to everyone in the room.
 */
async function connectRoom(server, n, counters) {
	const { tokens, workshopId, facilitatorToken } = server.fixture;
	const url = `http://127.0.0.1:${server.port}`;
	const extraHeaders = (token) => ({ Cookie: `narada_session=${token}`, Origin: url });
	const members = [];
	for (let i = 0; i < n; i++) {
		const socket = io(url, { transports: ['websocket'], extraHeaders: extraHeaders(tokens[i % tokens.length]), reconnection: false });
		members.push(socket);
	}
	await Promise.all(members.map((socket) => new Promise((resolve, reject) => {
		socket.on('connect_error', reject);
		socket.on('connect', () => socket.emit('workshop:join', { workshopId }, (answer) => (answer?.ok ? resolve() : reject(new Error(JSON.stringify(answer))))));
	})));
	const latencies = [];
	let pending = null;
	for (const socket of members) {
		socket.on('roster:update', () => {
			counters.messages++;
			if (pending && pending.count) latencies.push(performance.now() - pending.at);
		});
	}
	// The facilitator stays in the room; each command re-sends workshop:join, and the server
	// answers every join by emitting the roster to the whole room.
	const facilitator = io(url, { transports: ['websocket'], extraHeaders: extraHeaders(facilitatorToken), reconnection: false });
	await new Promise((resolve, reject) => {
		facilitator.on('connect_error', reject);
		facilitator.on('connect', () => facilitator.emit('workshop:join', { workshopId }, resolve));
	});
	return {
		latencies,
		command(scheduledAt, counted) {
			pending = { at: scheduledAt, count: counted };
			facilitator.emit('workshop:join', { workshopId }, () => {});
		},
		close() {
			facilitator.disconnect();
			for (const socket of members) socket.disconnect();
		}
	};
}

export function signalProbe(server) {
	try {
		process.kill(server.pid, 'SIGUSR2');
	} catch {
		// gone
	}
}

export function readProbe(server) {
	try {
		return JSON.parse(readFileSync(server.probeFile, 'utf8'));
	} catch {
		return null;
	}
}

/** Resident size in bytes, or null once the process is gone. */
export function readRss(pid) {
	return readProc(pid)?.rss ?? null;
}

export async function waitFor(check, timeoutMs, what) {
	const deadline = performance.now() + timeoutMs;
	while (!check()) {
		if (performance.now() > deadline) throw new Error(`timed out waiting for ${what}`);
		await sleep(20);
	}
}
