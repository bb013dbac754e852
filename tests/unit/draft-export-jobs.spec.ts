import { describe, expect, it } from 'vitest';
import type { StrategyDraft } from '../../src/lib/domain/draft/model';
import type { DraftFile, DraftFileFormatName } from '../../src/lib/export/draft-file';
import { DraftExportJobs } from '../../src/lib/server/draft-export-jobs';

// The background export list: one job per identical request, one render at a time, errors as
// codes, files kept for a while and within a byte budget, and only for their own process.
const DRAFT = { titlePage: { title: 'Strategia', version: 1 } } as unknown as StrategyDraft;

/** A renderer the test releases by hand, so "waiting" and "rendering" can be looked at. */
function manualRenderer(bytes = 10) {
	const pending: Array<{ format: DraftFileFormatName; sources: boolean; progress: (done: number, total: number) => void; release: () => void; fail: (error: Error) => void }> = [];
	const render = (_draft: StrategyDraft, format: DraftFileFormatName, options: { sources: boolean; onProgress?: (done: number, total: number) => void }) =>
		new Promise<DraftFile>((resolve, reject) =>
			pending.push({
				format,
				sources: options.sources,
				progress: (done, total) => options.onProgress?.(done, total),
				release: () => resolve({ bytes: new Uint8Array(bytes), contentType: 'application/octet-stream', fileName: `strategia-v1.${format}` }),
				fail: reject
			})
		);
	return { pending, render };
}

const rendering = async (pending: unknown[], count = 1) => {
	while (pending.length < count) await new Promise((resolve) => setImmediate(resolve));
};

describe('draft export jobs', () => {
	it('queues, renders one job at a time and keeps the file; an identical request joins the same job', async () => {
		const { pending, render } = manualRenderer();
		const jobs = new DraftExportJobs(async () => DRAFT, { render });
		const word = jobs.start('p1', 1, 'docx', { sources: false });
		const pdf = jobs.start('p1', 1, 'pdf', { sources: true });
		if (word === 'busy' || pdf === 'busy') throw new Error('refused');
		expect(word).toMatchObject({ state: 'queued', progress: 0, ahead: 0, fileName: null });
		expect(jobs.start('p1', 1, 'docx', { sources: false })).toMatchObject({ id: word.id });
		// The same format with sources is another document, so another job.
		expect(jobs.start('p1', 1, 'docx', { sources: true })).not.toMatchObject({ id: word.id });

		await rendering(pending);
		expect(pending).toHaveLength(1);
		expect(jobs.get('p1', 1, word.id)).toMatchObject({ state: 'rendering', progress: 10 });
		expect(jobs.get('p1', 1, pdf.id)).toMatchObject({ state: 'queued', ahead: 1 });
		// The bar moves as the renderer lays out the sections, and never backwards.
		pending[0].progress(2, 4);
		expect(jobs.get('p1', 1, word.id)).toMatchObject({ state: 'rendering', progress: 52 });
		pending[0].progress(1, 4);
		expect(jobs.get('p1', 1, word.id)?.progress).toBe(52);
		pending[0].progress(4, 4);
		expect(jobs.get('p1', 1, word.id)).toMatchObject({ state: 'rendering', progress: 95 });
		pending[0].release();
		await jobs.settled(word.id);
		expect(jobs.get('p1', 1, word.id)).toMatchObject({ state: 'ready', progress: 100, fileName: 'strategia-v1.docx', size: 10, error: null });
		expect(jobs.file('p1', 1, word.id)?.fileName).toBe('strategia-v1.docx');
		await rendering(pending, 2);
		expect(pending[1]).toMatchObject({ format: 'pdf', sources: true });
		// A finished identical request is answered with the file already made.
		expect(jobs.start('p1', 1, 'docx', { sources: false })).toMatchObject({ id: word.id, state: 'ready' });
	});

	it('shows a job only to its own process and version', async () => {
		const { pending, render } = manualRenderer();
		const jobs = new DraftExportJobs(async () => DRAFT, { render });
		const job = jobs.start('p1', 2, 'md', { sources: false });
		if (job === 'busy') throw new Error('refused');
		await rendering(pending);
		pending[0].release();
		await jobs.settled(job.id);
		expect(jobs.get('p2', 2, job.id)).toBeNull();
		expect(jobs.get('p1', 1, job.id)).toBeNull();
		expect(jobs.file('p2', 2, job.id)).toBeNull();
		expect(jobs.file('p1', 2, job.id)).not.toBeNull();
	});

	it('reports a failed render and a missing version as codes, and a retry starts afresh', async () => {
		const { pending, render } = manualRenderer();
		const errors: unknown[] = [];
		const jobs = new DraftExportJobs(async (_process, version) => (version === 1 ? DRAFT : null), { render, onError: (error) => errors.push(error) });
		const broken = jobs.start('p1', 1, 'pdf', { sources: false });
		const missing = jobs.start('p1', 7, 'pdf', { sources: false });
		if (broken === 'busy' || missing === 'busy') throw new Error('refused');
		await rendering(pending);
		pending[0].fail(new Error('font missing'));
		await jobs.settled(broken.id);
		await jobs.settled(missing.id);
		expect(jobs.get('p1', 1, broken.id)).toMatchObject({ state: 'failed', error: 'render-failed', fileName: null });
		expect(jobs.get('p1', 7, missing.id)).toMatchObject({ state: 'failed', error: 'not-found' });
		expect(errors).toHaveLength(1);
		const retry = jobs.start('p1', 1, 'pdf', { sources: false });
		expect(retry).toMatchObject({ state: 'queued' });
		expect(retry).not.toMatchObject({ id: broken.id });
	});

	it('refuses new jobs as busy beyond the limit of waiting ones', () => {
		const { render } = manualRenderer();
		const jobs = new DraftExportJobs(async () => DRAFT, { render, maxPending: 2 });
		expect(jobs.start('p1', 1, 'docx', { sources: false })).toMatchObject({ state: 'queued' });
		expect(jobs.start('p1', 2, 'docx', { sources: false })).toMatchObject({ state: 'queued' });
		expect(jobs.start('p1', 3, 'docx', { sources: false })).toBe('busy');
	});

	it('forgets finished files after the keeping time, and the oldest first beyond the byte budget', async () => {
		let now = 1_000;
		const { pending, render } = manualRenderer(100);
		const jobs = new DraftExportJobs(async () => DRAFT, { render, now: () => now, keepMs: 60_000, maxBytes: 250 });
		const ids: string[] = [];
		for (const version of [1, 2, 3]) {
			const job = jobs.start('p1', version, 'docx', { sources: false });
			if (job === 'busy') throw new Error('refused');
			ids.push(job.id);
			await rendering(pending, version);
			now += 1_000;
			pending[version - 1].release();
			await jobs.settled(job.id);
		}
		// Three files of 100 bytes do not fit in 250: the first made goes.
		expect(jobs.get('p1', 1, ids[0])).toBeNull();
		expect(jobs.file('p1', 2, ids[1])).not.toBeNull();
		expect(jobs.heldBytes()).toBe(200);
		now += 61_000;
		expect(jobs.get('p1', 3, ids[2])).toBeNull();
		expect(jobs.heldBytes()).toBe(0);
	});
});
