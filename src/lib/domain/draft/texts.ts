import * as Y from 'yjs';
import { replaceTextMinimally } from '../text-edit';
import type { SectionId } from './model';

/**
 * The draft's editable sections: one Y.Doc per process (the hidden 'draft-texts' board) holding
 * one top-level Y.Text per section, so two people writing the forecast at once both keep their
 * words. Top-level types need no creation step (every client that names one gets the same one),
 * which is why the doc has no map of sections that two first writers could overwrite.
 * The texts are plain text: consolidate.ts splits them into paragraphs at blank lines, and each
 * renderer escapes them for its format.
 */
export const DRAFT_TEXTS_SCHEMA_VERSION = 1;

/** In document order: the sections that are only text, and the implementation chapter's text. */
export const DRAFT_TEXT_IDS = ['introduction', 'forecast', 'implementation', 'financial-framework', 'services', 'ngo-tasks'] as const satisfies readonly SectionId[];
export type DraftTextId = (typeof DRAFT_TEXT_IDS)[number];

/** About twenty pages of text per section: a strategy chapter, not a place for annexes. */
export const DRAFT_TEXT_MAX = 60_000;

const META_NAME = 'meta';

export function isDraftTextId(value: unknown): value is DraftTextId {
	return typeof value === 'string' && (DRAFT_TEXT_IDS as readonly string[]).includes(value);
}

export function draftTextName(id: DraftTextId): string {
	return `text:${id}`;
}

export function draftText(doc: Y.Doc, id: DraftTextId): Y.Text {
	return doc.getText(draftTextName(id));
}

/** Written by the server when it creates the doc, so a later schema can tell old docs apart. */
export function initDraftTextsDoc(doc: Y.Doc): void {
	doc.getMap(META_NAME).set('schemaVersion', DRAFT_TEXTS_SCHEMA_VERSION);
}

/** A doc written by a newer Narada is shown read-only rather than rewritten in an older shape. */
export function isDraftTextsSchemaSupported(doc: Y.Doc): boolean {
	const version = doc.getMap(META_NAME).get('schemaVersion');
	return typeof version !== 'number' || version <= DRAFT_TEXTS_SCHEMA_VERSION;
}

/**
 * Every section's text, ready for consolidateDraft's `texts`. A top-level name some client wrote
 * as another type (a map, an array) reads as no text rather than breaking the draft.
 */
export function readDraftTexts(doc: Y.Doc): Partial<Record<SectionId, string>> {
	const texts: Partial<Record<SectionId, string>> = {};
	for (const id of DRAFT_TEXT_IDS) {
		const text = readText(doc, draftTextName(id));
		if (text !== '') texts[id] = text.slice(0, DRAFT_TEXT_MAX);
	}
	return texts;
}

/** Writes only the span that differs, so someone typing elsewhere in the section keeps their words. */
export function editDraftText(doc: Y.Doc, id: DraftTextId, next: string, origin: unknown = null): void {
	replaceTextMinimally(doc, draftText(doc, id), next.slice(0, DRAFT_TEXT_MAX), origin);
}

function readText(doc: Y.Doc, name: string): string {
	try {
		return doc.getText(name).toString();
	} catch {
		return '';
	}
}
