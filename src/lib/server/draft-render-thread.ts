import { Worker } from 'node:worker_threads';
import type { StrategyDraft } from '../domain/draft/model';
import type { ConsultationReport } from '../domain/consultation/report';
import { renderConsultationReport, type ConsultationReportFile, type ConsultationReportFormat } from '../export/consultation-report-file';
import { renderDraftFile, type DraftFile, type DraftFileFormatName, type DraftFileOptions } from '../export/draft-file';
import type { AppContext } from './context';
import type { RenderReply, RenderRequest } from './draft-export-worker';

export type RenderDraftFile = (draft: StrategyDraft, format: DraftFileFormatName, options: DraftFileOptions) => Promise<DraftFile>;
export type RenderReportFile = (report: ConsultationReport, format: ConsultationReportFormat) => Promise<ConsultationReportFile>;

/**
 * One worker thread that renders draft files (see draft-export-worker.ts), started on first use.
 * If it dies, the renders it held fail and the next render starts a fresh one.
 */
export class DraftRenderThread {
	private worker: Worker | null = null;
	private nextId = 1;
	private readonly pending = new Map<number, { resolve: (file: DraftFile) => void; reject: (error: Error) => void; onProgress?: DraftFileOptions['onProgress'] }>();

	constructor(private readonly script: URL) {}

	render: RenderDraftFile = (draft, format, options) => this.post({ id: this.nextId++, draft, format, sources: options.sources }, options.onProgress);

	renderReport: RenderReportFile = (report, format) => this.post({ id: this.nextId++, report, format });

	private post(request: RenderRequest, onProgress?: DraftFileOptions['onProgress']): Promise<DraftFile> {
		return new Promise<DraftFile>((resolve, reject) => {
			this.pending.set(request.id, { resolve, reject, onProgress });
			const worker = this.thread();
			worker.ref();
			worker.postMessage(request);
		});
	}

	async close(): Promise<void> {
		const worker = this.worker;
		this.worker = null;
		if (worker) await worker.terminate();
	}

	private thread(): Worker {
		if (this.worker) return this.worker;
		const worker = new Worker(this.script);
		worker.on('message', (reply: RenderReply) => {
			if ('progress' in reply) return this.pending.get(reply.id)?.onProgress?.(reply.progress.done, reply.progress.total);
			const waiting = this.pending.get(reply.id);
			this.pending.delete(reply.id);
			// An idle render thread must not keep the process alive on shutdown.
			if (this.pending.size === 0) worker.unref();
			if (!waiting) return;
			if ('error' in reply) waiting.reject(new Error(reply.error));
			else waiting.resolve({ bytes: reply.bytes, contentType: reply.contentType, fileName: reply.fileName });
		});
		const fail = (error: Error) => {
			if (this.worker === worker) this.worker = null;
			for (const waiting of this.pending.values()) waiting.reject(error);
			this.pending.clear();
		};
		worker.on('error', fail);
		worker.on('exit', (code) => fail(new Error(`draft render thread exited with code ${code}`)));
		this.worker = worker;
		return worker;
	}
}

/**
 * The renderers routes use: the worker thread the Node server registered, or (in a dev server or
 * a test without it) rendering in this thread. Hangs on the shared context under a global
 * symbol, because the Node server and the SvelteKit build each carry a copy of this module.
 * Drafts and consultation reports share the one thread.
 */
const THREAD = Symbol.for('narada.renderThread');
type RenderThread = Pick<DraftRenderThread, 'render' | 'renderReport'>;
type WithThread = AppContext & { [THREAD]?: RenderThread };

export function setRenderThread(context: AppContext, thread: RenderThread | null): void {
	if (thread) (context as WithThread)[THREAD] = thread;
	else delete (context as WithThread)[THREAD];
}

export function draftRenderer(context: AppContext): RenderDraftFile {
	return (draft, format, options) => ((context as WithThread)[THREAD]?.render ?? renderDraftFile)(draft, format, options);
}

export function reportRenderer(context: AppContext): RenderReportFile {
	return (report, format) => ((context as WithThread)[THREAD]?.renderReport ?? renderConsultationReport)(report, format);
}
