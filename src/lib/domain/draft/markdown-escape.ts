/**
 * Participants' text is data, never markup. CommonMark lets any ASCII punctuation be escaped
 * with a backslash and then shows it literally, so every character that can start markup
 * anywhere in a line is escaped: emphasis (* _ ~), code (`), links and footnote references
 * ([ ] ! <), raw HTML and autolinks (<), entities (&), table cells (|), headings (#) and the
 * escape itself (\). Characters that are markup only at the start of a line (list markers - +,
 * "1." / "1)", setext underlines =, indentation that would make a code block) are handled per
 * line. Invisible control characters (Word's field delimiters among them) are dropped; a Word
 * field code typed as text ("{ HYPERLINK … }") is plain characters here and stays visible.
 */
const INLINE_MARKUP = /[\\`*_~[\]<>|&#!]/g;
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;
const LIST_OR_UNDERLINE_START = /^([-+=])/;
const ORDERED_LIST_START = /^(\d{1,9})([.)])/;

/** One line of text, made safe to place anywhere inline (a heading, a list item, a table cell). */
export function escapeInline(text: string): string {
	return text
		.replace(CONTROL, '')
		.replace(/\s*[\r\n]+\s*/g, ' ')
		.trim()
		.replace(INLINE_MARKUP, '\\$&')
		.replace(LIST_OR_UNDERLINE_START, '\\$1')
		.replace(ORDERED_LIST_START, '$1\\$2');
}

/** Text that may hold line breaks, as one paragraph: each line escaped, breaks kept as hard breaks. */
export function escapeParagraph(text: string): string {
	return lines(text).map(escapeInline).join('\\\n');
}

/** A table cell: no line may end the row, so breaks become <br> (markup of ours, not theirs). */
export function escapeCell(text: string): string {
	return lines(text).map(escapeInline).join('<br>');
}

function lines(text: string): string[] {
	return text
		.replace(CONTROL, '')
		.replace(/\r\n?/g, '\n')
		.split('\n')
		.map((line) => line.trim())
		.filter((line) => line !== '');
}

/**
 * GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens, letters of any
 * script kept ("Ramy finansowe" → "ramy-finansowe", "Łączny koszt" → "łączny-koszt").
 */
export function headingSlug(text: string): string {
	return text
		.toLocaleLowerCase('pl')
		.replace(/[^\p{L}\p{N}\s-]/gu, '')
		.trim()
		.replace(/\s/g, '-');
}
