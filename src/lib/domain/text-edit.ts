import type * as Y from 'yjs';

/**
 * Makes a shared text read `wanted` by deleting and inserting only the span that differs (common
 * prefix and suffix kept), so a text field's whole value can be written back on every keystroke
 * while someone else types elsewhere in the same text: their characters are never replaced.
 */
export function replaceTextMinimally(doc: Y.Doc, text: Y.Text, wanted: string, origin: unknown): void {
	const current = text.toString();
	if (current === wanted) return;
	let start = 0;
	while (start < current.length && start < wanted.length && current[start] === wanted[start]) start++;
	let endCurrent = current.length;
	let endWanted = wanted.length;
	while (endCurrent > start && endWanted > start && current[endCurrent - 1] === wanted[endWanted - 1]) {
		endCurrent--;
		endWanted--;
	}
	doc.transact(() => {
		if (endCurrent > start) text.delete(start, endCurrent - start);
		if (endWanted > start) text.insert(start, wanted.slice(start, endWanted));
	}, origin);
}
