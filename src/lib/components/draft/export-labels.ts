import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import type { DraftExportError } from '$lib/domain/draft/export-job';

/** How the page names an export format; a format added later shows its extension until it gets a name. */
export function exportFormatLabel(format: string): string {
	switch (format) {
		case 'docx':
			return m.draft_export_format_docx();
		case 'pdf':
			return m.draft_export_format_pdf();
		case 'md':
			return m.draft_export_format_md();
		case 'xlsx':
			return m.draft_export_format_xlsx();
		default:
			return format.toUpperCase();
	}
}

/** "48 kB", "1,2 MB" in the interface language. */
export function formatFileSize(bytes: number): string {
	const locale = getLocale();
	if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024)).toLocaleString(locale)} kB`;
	return `${(bytes / 1024 / 1024).toLocaleString(locale, { maximumFractionDigits: 1 })} MB`;
}

/** Why a file could not be prepared or fetched, in words. */
export function exportFailureText(code: DraftExportError | 'network'): string {
	switch (code) {
		case 'busy':
			return m.draft_export_error_busy();
		case 'expired':
			return m.draft_export_error_expired();
		case 'not-found':
			return m.draft_export_error_not_found();
		case 'network':
			return m.draft_export_error_network();
		default:
			return m.draft_export_error_render();
	}
}
