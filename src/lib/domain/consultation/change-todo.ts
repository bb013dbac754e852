/** The consultation to-do as the draft page shows it (built by server/consultation/changes.ts). */

export interface ChangeTodoRemark {
	id: string;
	roundTitle: string;
	number: number;
	status: 'accepted' | 'partly';
	targetLabel: string;
	content: string;
	answer: string;
	changeNote: string;
	changeTargetLabel: string;
	changeDoneAt: number | null;
	answeredInVersion: number | null;
}

/** A board (boardId set), a written section, or 'other' (title '') when the target says neither. */
export interface ChangeGroup {
	key: string;
	boardId: string | null;
	title: string;
	remarks: ChangeTodoRemark[];
}

export interface ChangeTodo {
	groups: ChangeGroup[];
	/** Boards a change can be said to be made on (the form's choice). */
	boards: Array<{ draftId: string; title: string }>;
	/** How many remarks each saved version recorded, by version number (the versions list shows it). */
	recordedByVersion: Record<number, number>;
}
