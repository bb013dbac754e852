// How long the strategy draft of a large process takes: `node bench/draft-export.js [runs]`.
// The issue's process — 5 areas, 50 actions, 500 cost-of-inaction cards, a 60 × 20 need/gap
// matrix (tests/unit/fixtures/draft-large-process.ts) — consolidated from its boards' Yjs docs,
// then exported to every format of DRAFT_FILE_FORMATS (Word, PDF, Markdown, and any added later)
// with sources. The app's TypeScript is bundled with esbuild into build/bench/ first (packages
// stay external, as in scripts/build-server.js). Prints the median of `runs` (5 by default)
// after one warm-up, and the longest event-loop stall each step causes. Goal: consolidation +
// DOCX under 2 s. The server renders in a worker thread (build/draft-export-worker.js); the
// last table shows what the main thread, which serves the live boards, feels of that.
import { build } from 'esbuild';
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = resolve(fileURLToPath(import.meta.url), '../..');
const GOAL_MS = 2000;

const median = (values) => {
	const sorted = [...values].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

const outdir = resolve(root, process.env.NARADA_BUILD_DIR || 'build', 'bench');

async function loadWork() {
	await build({
		entryPoints: {
			'draft-export-work': resolve(root, 'bench/lib/draft-export-work.ts'),
			'draft-export-worker': resolve(root, 'src/lib/server/draft-export-worker.ts')
		},
		outdir,
		outExtension: { '.js': '.mjs' },
		bundle: true,
		platform: 'node',
		format: 'esm',
		target: 'node20',
		packages: 'external',
		logLevel: 'warning'
	});
	return import(pathToFileURL(resolve(outdir, 'draft-export-work.mjs')).href);
}

async function main() {
	const runs = Math.max(1, Number(process.argv[2]) || 5);
	const work = await loadWork();
	const boards = work.buildBoards();
	const steps = ['consolidate', ...work.formats];
	const samples = Object.fromEntries(steps.map((step) => [step, []]));
	for (let run = 0; run <= runs; run++) {
		const { draft, timing } = await work.consolidate(boards);
		const row = { consolidate: timing };
		for (const format of work.formats) row[format] = await work.render(draft, format);
		// Run 0 warms the JIT and loads the fonts; it is printed but not counted.
		if (run === 0) console.log(`warm-up: ${steps.map((step) => `${step} ${row[step].ms.toFixed(0)} ms`).join(', ')}`);
		else for (const step of steps) samples[step].push(row[step]);
	}
	console.log(`\nlarge process (5 areas, 50 actions, 500 cards, 60 × 20 matrix), median of ${runs}:`);
	console.log('| step | time | longest event-loop stall | size |');
	console.log('| --- | ---: | ---: | ---: |');
	for (const step of steps) {
		const list = samples[step];
		const bytes = list[0].bytes === undefined ? '' : `${Math.round(list[0].bytes / 1024)} kB`;
		console.log(`| ${step} | ${median(list.map((s) => s.ms)).toFixed(0)} ms | ${median(list.map((s) => s.maxStallMs)).toFixed(0)} ms | ${bytes} |`);
	}
	const workerUrl = pathToFileURL(resolve(outdir, 'draft-export-worker.mjs')).href;
	const { draft } = await work.consolidate(boards);
	const threaded = Object.fromEntries(work.formats.map((format) => [format, []]));
	for (let run = 0; run <= runs; run++) {
		for (const format of work.formats) {
			const timing = await work.renderInThread(workerUrl, draft, format);
			if (run > 0) threaded[format].push(timing);
		}
	}
	await work.closeThread();
	console.log(`\nthe same renders in the server's worker thread, median of ${runs}:`);
	console.log('| format | time | longest main-thread stall |');
	console.log('| --- | ---: | ---: |');
	for (const format of work.formats) {
		const list = threaded[format];
		console.log(`| ${format} | ${median(list.map((s) => s.ms)).toFixed(0)} ms | ${median(list.map((s) => s.maxStallMs)).toFixed(0)} ms |`);
	}

	const total = median(samples.consolidate.map((s, i) => s.ms + samples.docx[i].ms));
	console.log(`\nconsolidation + DOCX: ${total.toFixed(0)} ms — goal < ${GOAL_MS} ms: ${total < GOAL_MS ? 'reached' : 'missed'}`);
	if (samples.pdf) {
		const pdf = median(samples.consolidate.map((s, i) => s.ms + samples.pdf[i].ms));
		console.log(`consolidation + PDF:  ${pdf.toFixed(0)} ms — goal < ${GOAL_MS} ms: ${pdf < GOAL_MS ? 'reached' : 'missed'}`);
	}
}

await main();
