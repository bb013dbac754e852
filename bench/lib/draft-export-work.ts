// Bundled by bench/draft-export.js (esbuild, packages external) so the bench runs the app's own
// TypeScript on plain Node: the large process of the issue, consolidation, and every export format.
import { performance } from 'node:perf_hooks';
import { consolidateDraft } from '../../src/lib/domain/draft/consolidate';
import type { StrategyDraft } from '../../src/lib/domain/draft/model';
import { DRAFT_FILE_FORMATS, renderDraftFile, type DraftFileFormatName } from '../../src/lib/export/draft-file';
import { DraftRenderThread } from '../../src/lib/server/draft-render-thread';
import { largeProcessBoards, largeProcessInput } from '../../tests/unit/fixtures/draft-large-process';

export const formats = Object.keys(DRAFT_FILE_FORMATS) as DraftFileFormatName[];

export function buildBoards() {
	return largeProcessBoards();
}

export interface Timing {
	ms: number;
	/** Longest stretch the event loop could not run anything else (live boards would wait this long). */
	maxStallMs: number;
	bytes?: number;
}

async function timed<T>(work: () => Promise<T> | T): Promise<{ value: T; timing: Omit<Timing, 'bytes'> }> {
	// A 5 ms ticker: the longest gap between its ticks, less 5 ms, is the longest stall.
	let last = performance.now();
	let longestGap = 0;
	const ticker = setInterval(() => {
		const now = performance.now();
		longestGap = Math.max(longestGap, now - last);
		last = now;
	}, 5);
	const start = performance.now();
	const value = await work();
	const ms = performance.now() - start;
	// Let the ticker fire once more, so a stall at the very end is counted too.
	await new Promise((resolve) => setTimeout(resolve, 12));
	clearInterval(ticker);
	return { value, timing: { ms, maxStallMs: Math.max(0, longestGap - 5) } };
}

export async function consolidate(boards: ReturnType<typeof buildBoards>): Promise<{ draft: StrategyDraft; timing: Timing }> {
	const { value, timing } = await timed(() => consolidateDraft(largeProcessInput(boards)));
	return { draft: value, timing };
}

export async function render(draft: StrategyDraft, format: DraftFileFormatName): Promise<Timing> {
	const { value, timing } = await timed(() => renderDraftFile(draft, format, { sources: true }));
	return { ...timing, bytes: value.bytes.byteLength };
}

let thread: DraftRenderThread | null = null;

/** The same render through the server's worker thread (`workerUrl`: the bundled draft-export-worker). */
export async function renderInThread(workerUrl: string, draft: StrategyDraft, format: DraftFileFormatName): Promise<Timing> {
	thread ??= new DraftRenderThread(new URL(workerUrl));
	const { value, timing } = await timed(() => thread!.render(draft, format, { sources: true }));
	return { ...timing, bytes: value.bytes.byteLength };
}

export async function closeThread(): Promise<void> {
	await thread?.close();
	thread = null;
}
