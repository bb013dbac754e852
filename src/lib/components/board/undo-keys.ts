/** What the keys drive: one's own undo history on the board. */
interface Undoable {
	undo(): void;
	redo(): void;
}

/**
 * A window keydown handler for Ctrl+Z / Ctrl+Shift+Z / Ctrl+Y (⌘ on a Mac): undo and redo one's
 * own changes, also while typing, because a field's own undo would fight the shared text.
 * `isEnabled` is asked per key, so read-only boards and open dialogs leave the keys alone.
 */
export function undoKeyHandler(getUndo: () => Undoable | null | undefined, isEnabled: () => boolean): (event: KeyboardEvent) => void {
	return (event) => {
		if (!isEnabled() || !(event.ctrlKey || event.metaKey) || event.altKey) return;
		const key = event.key.toLowerCase();
		if (key === 'z' && !event.shiftKey) {
			event.preventDefault();
			getUndo()?.undo();
		} else if ((key === 'z' && event.shiftKey) || key === 'y') {
			event.preventDefault();
			getUndo()?.redo();
		}
	};
}
