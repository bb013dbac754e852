import { untrack } from 'svelte';
import type { Attachment } from 'svelte/attachments';

/**
 * Keeps an uncontrolled textarea showing a co-edited text. When someone else types in the same
 * text, their text replaces the field's but the caret stays by the same characters (shiftCaret);
 * a bound value would jump the caret to the end under the person typing. The selection
 * is only set while the field has focus, because setting it can pull focus into the field.
 *
 * `autofocus` is read once, when the field appears: editing started from the keyboard or a new
 * item, so the caret waits at the end of the text.
 */
export function sharedText(getText: () => string, autofocus: () => boolean = () => false): Attachment<HTMLTextAreaElement> {
	let mounted: HTMLTextAreaElement | null = null;
	return (textarea) => {
		const next = getText();
		if (mounted !== textarea) {
			mounted = textarea;
			textarea.value = next;
			if (untrack(autofocus)) {
				textarea.focus();
				textarea.setSelectionRange(next.length, next.length);
			}
			return;
		}
		const previous = textarea.value;
		if (previous === next) return;
		const { selectionStart, selectionEnd } = textarea;
		textarea.value = next;
		if (document.activeElement === textarea) {
			textarea.setSelectionRange(shiftCaret(previous, next, selectionStart), shiftCaret(previous, next, selectionEnd));
		}
	};
}

/**
 * Enter or Escape ends editing a text that holds one statement (Shift+Enter still breaks a line).
 * Nothing is cancelled, because the text is saved as it is typed. The key stops at the field, so
 * the outline or diagram around it does not act on it too.
 */
export function doneKeys(ondone: () => void): (event: KeyboardEvent) => void {
	return (event) => {
		if (event.key === 'Escape' || (event.key === 'Enter' && !event.shiftKey)) {
			event.preventDefault();
			event.stopPropagation();
			ondone();
		}
	};
}

/**
 * Where a caret at `caret` in `previous` belongs in `next`, when someone else changed one span of
 * the text: before the change it stays, after it it moves by what was added or removed, inside a
 * removed span it goes to the end of what replaced it. Without this, a colleague typing at the
 * start of a shared section would push one's own next keystrokes into the middle of a word.
 */
export function shiftCaret(previous: string, next: string, caret: number): number {
	const shortest = Math.min(previous.length, next.length);
	let prefix = 0;
	while (prefix < shortest && previous[prefix] === next[prefix]) prefix++;
	let suffix = 0;
	while (suffix < shortest - prefix && previous[previous.length - 1 - suffix] === next[next.length - 1 - suffix]) suffix++;
	if (caret <= prefix) return Math.min(caret, next.length);
	if (caret >= previous.length - suffix) return Math.max(0, Math.min(next.length, caret + next.length - previous.length));
	return next.length - suffix;
}
