import { parentPort } from 'node:worker_threads';
import type { StrategyDraft } from '../domain/draft/model';
import type { ConsultationReport } from '../domain/consultation/report';
import { renderConsultationReport, type ConsultationReportFormat } from '../export/consultation-report-file';
import { renderDraftFile, type DraftFileFormatName } from '../export/draft-file';
import { lowerThisThreadPriority } from './low-priority-thread';

/**
 * Worker thread entry (bundled to build/draft-export-worker.js by scripts/build-server.js):
 * renders draft files off the main thread, whose event loop serves the live boards. Rendering
 * a large version takes over a second of solid CPU per format (bench/draft-export.js).
 */
export type RenderRequest =
	| { id: number; draft: StrategyDraft; format: DraftFileFormatName; sources: boolean }
	/** A consultation report (issue 9): a round with hundreds of long remarks is a long table too. */
	| { id: number; report: ConsultationReport; format: ConsultationReportFormat };

export type RenderReply =
	| { id: number; bytes: Uint8Array; contentType: string; fileName: string }
	| { id: number; error: string }
	| { id: number; progress: { done: number; total: number } };

lowerThisThreadPriority();

parentPort?.on('message', async (request: RenderRequest) => {
	try {
		const onProgress = (done: number, total: number) => parentPort!.postMessage({ id: request.id, progress: { done, total } } satisfies RenderReply);
		const file =
			'report' in request
				? await renderConsultationReport(request.report, request.format)
				: await renderDraftFile(request.draft, request.format, { sources: request.sources, onProgress });
		// A copy owns its whole buffer (a Buffer may be a slice of a shared pool), so it can be moved, not cloned.
		const bytes = new Uint8Array(file.bytes);
		const reply: RenderReply = { id: request.id, bytes, contentType: file.contentType, fileName: file.fileName };
		parentPort!.postMessage(reply, [bytes.buffer]);
	} catch (error) {
		const reply: RenderReply = { id: request.id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
		parentPort!.postMessage(reply);
	}
});
