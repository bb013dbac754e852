import { untrack } from 'svelte';
import type { Attachment } from 'svelte/attachments';

/**
 * Keeps an uncontrolled textarea showing a co-edited text. When someone else types in the same
 * text, their text replaces the field's but the caret stays where it was (clamped to the new
 * length); a bound value would jump the caret to the end under the person typing. The selection
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
		if (textarea.value === next) return;
		const { selectionStart, selectionEnd } = textarea;
		textarea.value = next;
		if (document.activeElement === textarea) {
			textarea.setSelectionRange(Math.min(selectionStart, next.length), Math.min(selectionEnd, next.length));
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
