import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';

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
