import { z } from 'zod';
import { NOTE_COLORS, NOTE_TEXT_MAX, type NoteColor } from '../domain/ideas-wall/schema';
import type { StepPrivacy } from '../domain/facilitation/agenda';

/**
 * Private brainstorm over the facilitation channel: notes go to the server, never into the
 * board document, until the facilitator reveals the step. The workshop hears only counts;
 * each author hears their own notes.
 */
export const BRAINSTORM_EVENTS = {
	/** To everyone in the workshop: counts only, never text or authors. */
	summary: 'brainstorm:summary',
	/** To one person's own connections: their own notes. */
	ownNotes: 'brainstorm:own-notes',
	noteAdd: 'brainstorm:note-add',
	noteEdit: 'brainstorm:note-edit',
	noteRemove: 'brainstorm:note-remove',
	reveal: 'brainstorm:reveal',
	/** The current step's summary and one's own notes, asked for when the current step changes. */
	sync: 'brainstorm:sync'
} as const;

/** Trimmed text of one note; the server checks the trimmed length, the laptop too. */
export const privateNoteText = z.string().trim().min(1).max(NOTE_TEXT_MAX);

export const brainstormPayloads = {
	[BRAINSTORM_EVENTS.noteAdd]: z
		.object({ id: z.string().uuid(), stepId: z.string().uuid(), text: privateNoteText, color: z.enum(NOTE_COLORS).optional() })
		.strict(),
	[BRAINSTORM_EVENTS.noteEdit]: z.object({ id: z.string().uuid(), text: privateNoteText }).strict(),
	[BRAINSTORM_EVENTS.noteRemove]: z.object({ id: z.string().uuid() }).strict(),
	[BRAINSTORM_EVENTS.reveal]: z.object({ stepId: z.string().uuid() }).strict(),
	[BRAINSTORM_EVENTS.sync]: z.object({}).strict()
} as const;

export type BrainstormEvent = keyof typeof brainstormPayloads;
export type BrainstormPayload<E extends BrainstormEvent> = z.infer<(typeof brainstormPayloads)[E]>;

/** What everybody may know about the current private step. */
export interface BrainstormSummary {
	stepId: string;
	privacy: Exclude<StepPrivacy, 'open'>;
	noteCount: number;
	authorsCount: number;
	revealed: boolean;
}

export interface OwnPrivateNote {
	id: string;
	text: string;
	color: NoteColor;
	createdAt: number;
}

export interface OwnNotesState {
	stepId: string;
	notes: OwnPrivateNote[];
}

/** The join key and `brainstorm:sync` answer: null fields when the current step is not private. */
export interface BrainstormJoinState {
	summary: BrainstormSummary | null;
	own: OwnNotesState | null;
}

export const BRAINSTORM_JOIN_KEY = 'brainstorm';
