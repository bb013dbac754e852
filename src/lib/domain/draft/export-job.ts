/**
 * An export of a saved draft version prepared in the background, as the server reports it to
 * the page (lib/server/draft-export-jobs.ts makes these; components/draft/DraftExport.svelte
 * polls them). Plain data, so the browser needs no server module.
 */

export type DraftExportState = 'queued' | 'rendering' | 'ready' | 'failed';

/** Why an export did not give a file; the page words each one in the interface language. */
export type DraftExportError = 'not-found' | 'render-failed' | 'busy' | 'expired';

export interface DraftExportJobStatus {
	id: string;
	version: number;
	format: string;
	sources: boolean;
	state: DraftExportState;
	/** 0–100: queued 0, rendering started 10, then up to 95 section by section, a file ready 100. */
	progress: number;
	/** Jobs ahead of this one (0: next to render); null once it is no longer waiting. */
	ahead: number | null;
	error: DraftExportError | null;
	/** Set once ready: the safe download name and the size in bytes. */
	fileName: string | null;
	size: number | null;
}

export function isFinishedExport(status: Pick<DraftExportJobStatus, 'state'>): boolean {
	return status.state === 'ready' || status.state === 'failed';
}
