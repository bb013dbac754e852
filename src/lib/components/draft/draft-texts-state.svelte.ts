import { BoardConnection } from '$lib/collab/board-connection.svelte';
import { BoardState } from '$lib/collab/board-state.svelte';
import type { PresenceRole } from '$lib/collab/presence.svelte';
import { DRAFT_TEXT_IDS, draftText, editDraftText, isDraftTextsSchemaSupported, type DraftTextId } from '$lib/domain/draft/texts';

/** Awareness field naming the section someone is writing in right now. */
const EDITING_FIELD = 'draftSection';

type SectionTexts = Record<DraftTextId, string>;

/**
 * The draft's editable sections as components see them: each section's live text and the verbs
 * to change it. Every edit writes only the span that differs, with the connection's origin, so
 * two people in one section keep both their words and undo takes back only one's own typing.
 */
export class DraftTextsState extends BoardState<SectionTexts> {
	constructor(connection: BoardConnection, me: { name: string; role: PresenceRole; id?: string }) {
		super(connection, me, {
			types: (doc) => DRAFT_TEXT_IDS.map((id) => draftText(doc, id)),
			derive: (doc) => Object.fromEntries(DRAFT_TEXT_IDS.map((id) => [id, draftText(doc, id).toString()])) as SectionTexts,
			isSupported: isDraftTextsSchemaSupported,
			editingField: EDITING_FIELD
		});
	}

	text(id: DraftTextId): string {
		return this.derived[id];
	}

	edit(id: DraftTextId, value: string): void {
		if (!this.canEdit) return;
		editDraftText(this.doc, id, value, this.origin);
	}

	/** Tells the others which section one is writing in (null when leaving it). */
	writeIn(id: DraftTextId | null): void {
		this.focus(id);
		if (id === null) this.stopCapturing();
	}

	get status() {
		return this.connection.status;
	}
}

/**
 * Opens the process's draft-texts board (socket, local copy, presence) in the browser. The draft
 * page calls this in an effect and destroys the connection when it leaves.
 */
export function openDraftTexts(boardId: string, me: { name: string; role: PresenceRole; id?: string }, readOnly = false): { texts: DraftTextsState; destroy: () => void } {
	const connection = new BoardConnection({ boardId, readOnly, undoScope: (doc) => DRAFT_TEXT_IDS.map((id) => draftText(doc, id)) });
	return { texts: new DraftTextsState(connection, me), destroy: () => connection.destroy() };
}
