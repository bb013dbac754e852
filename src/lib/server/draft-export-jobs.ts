import type { DraftExportError, DraftExportJobStatus, DraftExportState } from '../domain/draft/export-job';
import type { StrategyDraft } from '../domain/draft/model';
import { renderDraftFile, type DraftFile, type DraftFileFormatName, type DraftFileOptions } from '../export/draft-file';
import type { AppContext } from './context';
import { getDraftVersion } from './drafts';
import { draftRenderer } from './draft-render-thread';

/**
 * Exports of saved draft versions, rendered in the background so that a request never waits
 * ~1 s per format: POST starts a job, the page polls its status, then downloads the file kept
 * here in memory. Jobs run one at a time, with a turn of the event loop between them, so many
 * clicks never stack their renders into one long stall of the live boards. An identical request
 * (same process, version, format and options) while one is waiting, running or ready gets that
 * same job back. Jobs are keyed by process: a caller checks membership, then asks for the job
 * of that process only, so an id seen elsewhere reveals nothing.
 */

export interface DraftExportJobsOptions {
	/** How long a finished file stays downloadable. */
	keepMs?: number;
	/** Total bytes of finished files kept; the oldest go first beyond it. */
	maxBytes?: number;
	/** Jobs waiting or running at once, across processes; more are refused as busy. */
	maxPending?: number;
	now?: () => number;
	render?: (draft: StrategyDraft, format: DraftFileFormatName, options: DraftFileOptions) => Promise<DraftFile>;
	onError?: (error: unknown, job: { processId: string; version: number; format: string }) => void;
}

interface Job {
	id: string;
	key: string;
	processId: string;
	version: number;
	format: DraftFileFormatName;
	sources: boolean;
	state: DraftExportState;
	progress: number;
	error: DraftExportError | null;
	file: DraftFile | null;
	finishedAt: number | null;
	/** Settles when the job is ready or failed (tests and callers that want to wait). */
	done: Promise<void>;
	settle: () => void;
}

export type LoadDraftVersion = (processId: string, version: number) => Promise<StrategyDraft | null>;

export class DraftExportJobs {
	private readonly jobs = new Map<string, Job>();
	private readonly byKey = new Map<string, Job>();
	private readonly queue: Job[] = [];
	private running = false;
	private current: Job | null = null;
	private readonly keepMs: number;
	private readonly maxBytes: number;
	private readonly maxPending: number;
	private readonly now: () => number;
	private readonly render: NonNullable<DraftExportJobsOptions['render']>;
	private readonly onError: NonNullable<DraftExportJobsOptions['onError']>;

	constructor(
		private readonly load: LoadDraftVersion,
		options: DraftExportJobsOptions = {}
	) {
		this.keepMs = options.keepMs ?? 10 * 60_000;
		this.maxBytes = options.maxBytes ?? 200 * 1024 * 1024;
		this.maxPending = options.maxPending ?? 20;
		this.now = options.now ?? Date.now;
		this.render = options.render ?? renderDraftFile;
		this.onError = options.onError ?? (() => {});
	}

	/** Starts (or joins) the export; `busy` when too many are waiting already. */
	start(processId: string, version: number, format: DraftFileFormatName, options: DraftFileOptions): DraftExportJobStatus | 'busy' {
		this.sweep();
		const key = JSON.stringify([processId, version, format, options.sources]);
		const existing = this.byKey.get(key);
		if (existing && existing.state !== 'failed') return this.status(existing);
		if (this.queue.length + (this.current ? 1 : 0) >= this.maxPending) return 'busy';
		let settle = () => {};
		const done = new Promise<void>((resolve) => (settle = resolve));
		const job: Job = {
			id: crypto.randomUUID(),
			key,
			processId,
			version,
			format,
			sources: options.sources,
			state: 'queued',
			progress: 0,
			error: null,
			file: null,
			finishedAt: null,
			done,
			settle
		};
		this.jobs.set(job.id, job);
		this.byKey.set(key, job);
		this.queue.push(job);
		void this.pump();
		return this.status(job);
	}

	/** The job `id` if it belongs to that process and version, else null (expired, or not theirs). */
	get(processId: string, version: number, id: string): DraftExportJobStatus | null {
		const job = this.find(processId, version, id);
		return job ? this.status(job) : null;
	}

	/** The finished file of job `id`, or null when it is not ready (or not theirs, or expired). */
	file(processId: string, version: number, id: string): DraftFile | null {
		return this.find(processId, version, id)?.file ?? null;
	}

	/** Resolves when job `id` has finished (at once when unknown). */
	async settled(id: string): Promise<void> {
		await this.jobs.get(id)?.done;
	}

	/** Bytes of finished files held now. */
	heldBytes(): number {
		let total = 0;
		for (const job of this.jobs.values()) total += job.file?.bytes.byteLength ?? 0;
		return total;
	}

	private find(processId: string, version: number, id: string): Job | null {
		this.sweep();
		const job = this.jobs.get(id);
		return job && job.processId === processId && job.version === version ? job : null;
	}

	private status(job: Job): DraftExportJobStatus {
		const index = this.queue.indexOf(job);
		return {
			id: job.id,
			version: job.version,
			format: job.format,
			sources: job.sources,
			state: job.state,
			progress: job.progress,
			ahead: job.state === 'queued' ? (this.current ? 1 : 0) + Math.max(index, 0) : null,
			error: job.error,
			fileName: job.file?.fileName ?? null,
			size: job.file?.bytes.byteLength ?? null
		};
	}

	private async pump(): Promise<void> {
		if (this.running) return;
		this.running = true;
		try {
			for (let job = this.queue[0]; job; job = this.queue[0]) {
				// Let the POST that queued the job answer, and board traffic run, before rendering.
				await new Promise((resolve) => setImmediate(resolve));
				this.queue.shift();
				this.current = job;
				await this.run(job);
				this.current = null;
			}
		} finally {
			this.current = null;
			this.running = false;
		}
	}

	private async run(job: Job): Promise<void> {
		job.state = 'rendering';
		job.progress = 10;
		try {
			const draft = await this.load(job.processId, job.version);
			if (!draft) return this.finish(job, null, 'not-found');
			// Sections laid out move the bar from 10 to 95; the last steps are packing the file.
			const onProgress = (done: number, total: number) => (job.progress = Math.max(job.progress, 10 + Math.floor((85 * done) / Math.max(total, 1))));
			this.finish(job, await this.render(draft, job.format, { sources: job.sources, onProgress }), null);
		} catch (error) {
			this.onError(error, job);
			this.finish(job, null, 'render-failed');
		}
	}

	private finish(job: Job, file: DraftFile | null, error: DraftExportError | null): void {
		job.file = file;
		job.error = error;
		job.state = file ? 'ready' : 'failed';
		job.progress = file ? 100 : job.progress;
		job.finishedAt = this.now();
		if (!file && this.byKey.get(job.key) === job) this.byKey.delete(job.key);
		this.keepWithinBytes(job);
		job.settle();
	}

	/** Drops the oldest finished files until the total fits; the newest file is always kept. */
	private keepWithinBytes(newest: Job): void {
		let total = this.heldBytes();
		const finished = [...this.jobs.values()].filter((job) => job.file && job !== newest).sort((a, b) => a.finishedAt! - b.finishedAt!);
		for (const job of finished) {
			if (total <= this.maxBytes) break;
			total -= job.file!.bytes.byteLength;
			this.forget(job);
		}
	}

	/** Forgets finished jobs older than keepMs. */
	private sweep(): void {
		const now = this.now();
		for (const job of this.jobs.values()) {
			if (job.finishedAt !== null && now - job.finishedAt > this.keepMs) this.forget(job);
		}
	}

	private forget(job: Job): void {
		this.jobs.delete(job.id);
		if (this.byKey.get(job.key) === job) this.byKey.delete(job.key);
	}
}

/**
 * One job list for the running server. The bundled Node server and the SvelteKit build each
 * carry their own copy of this module, so it hangs on the shared context under a global symbol.
 */
const JOBS = Symbol.for('narada.draftExportJobs');
type WithJobs = AppContext & { [JOBS]?: DraftExportJobs };

export function getDraftExportJobs(context: AppContext): DraftExportJobs {
	const holder = context as WithJobs;
	holder[JOBS] ??= new DraftExportJobs((processId, version) => getDraftVersion(context.db, processId, version), {
		render: draftRenderer(context),
		onError: (err, job) => context.log.error({ err, ...job }, 'draft export failed')
	});
	return holder[JOBS];
}
