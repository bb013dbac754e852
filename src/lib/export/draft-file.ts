import { draftToMarkdown } from '../domain/draft/markdown';
import type { StrategyDraft } from '../domain/draft/model';
import { renderDraftDocx } from './draft-docx';
import { renderDraftPdf } from './draft-pdf';
import { renderDraftXlsx } from './draft-xlsx';
import { safeExportFileName } from './safe-file-name';
import { XLSX_MIME } from './xlsx';

/** What the person exporting may choose besides the format. */
export interface DraftFileOptions {
	/** Print where each goal and action came from as a short note. */
	sources: boolean;
	/** See DraftRenderOptions: section by section, for the formats that take long. */
	onProgress?: (done: number, total: number) => void;
}

interface DraftFileFormat {
	contentType: string;
	render: (draft: StrategyDraft, options: DraftFileOptions) => Promise<Uint8Array | string>;
}

/**
 * Every file a saved version can be exported to, by extension. Each is rendered from the
 * version's stored model only, so a version always gives the same document.
 */
export const DRAFT_FILE_FORMATS = {
	docx: { contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', render: (draft, options) => renderDraftDocx(draft, options) },
	pdf: { contentType: 'application/pdf', render: (draft, options) => renderDraftPdf(draft, options) },
	md: { contentType: 'text/markdown; charset=utf-8', render: async (draft, options) => draftToMarkdown(draft, { sources: options.sources }) },
	/** The need/gap matrices only (largest gaps, then each full matrix); `sources` does not apply. */
	xlsx: { contentType: XLSX_MIME, render: async (draft) => renderDraftXlsx(draft) }
} satisfies Record<string, DraftFileFormat>;

export type DraftFileFormatName = keyof typeof DRAFT_FILE_FORMATS;

export function isDraftFileFormat(value: string): value is DraftFileFormatName {
	return Object.hasOwn(DRAFT_FILE_FORMATS, value);
}

export interface DraftFile {
	bytes: Uint8Array;
	contentType: string;
	/** Derived safely from the title: no path characters survive. */
	fileName: string;
}

export async function renderDraftFile(draft: StrategyDraft, format: DraftFileFormatName, options: DraftFileOptions): Promise<DraftFile> {
	const { contentType, render } = DRAFT_FILE_FORMATS[format] as DraftFileFormat;
	const body = await render(draft, options);
	const bytes = typeof body === 'string' ? new TextEncoder().encode(body) : body;
	return { bytes, contentType, fileName: safeExportFileName(draft.titlePage.title || 'projekt strategii', draft.titlePage.version, format) };
}
