import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { shiftCaret } from '../../src/lib/components/board/shared-text';
import { checkCompleteness } from '../../src/lib/domain/draft/completeness';
import { consolidateDraft } from '../../src/lib/domain/draft/consolidate';
import { draftToMarkdown } from '../../src/lib/domain/draft/markdown';
import { findSection, TEXT_SECTION_IDS } from '../../src/lib/domain/draft/model';
import { DRAFT_TEXT_IDS, DRAFT_TEXT_MAX, draftText, editDraftText, initDraftTextsDoc, isDraftTextId, isDraftTextsSchemaSupported, readDraftTexts } from '../../src/lib/domain/draft/texts';
import { fixtureProcess, HOSTILE_CARD_TEXT } from './fixtures/draft-process';

/** Two replicas that exchange every update, as two browsers on one board would. */
function pair(): [Y.Doc, Y.Doc] {
	const a = new Y.Doc();
	const b = new Y.Doc();
	initDraftTextsDoc(a);
	Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
	return [a, b];
}

function sync(a: Y.Doc, b: Y.Doc) {
	Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
	Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
}

describe('the draft’s editable sections (texts.ts)', () => {
	it('covers every text-only section of the model and the implementation chapter', () => {
		for (const id of TEXT_SECTION_IDS) expect(isDraftTextId(id)).toBe(true);
		expect(isDraftTextId('implementation')).toBe(true);
		expect(isDraftTextId('goals')).toBe(false);
	});

	it('reads each section’s text from the doc, leaving out sections nobody has written', () => {
		const doc = new Y.Doc();
		initDraftTextsDoc(doc);
		editDraftText(doc, 'forecast', 'Liczba osób starszych wzrośnie.\n\nWzrośnie popyt na usługi opiekuńcze.');
		editDraftText(doc, 'financial-framework', 'Budżet powiatu: 1,2 mln zł rocznie.');
		expect(readDraftTexts(doc)).toEqual({
			forecast: 'Liczba osób starszych wzrośnie.\n\nWzrośnie popyt na usługi opiekuńcze.',
			'financial-framework': 'Budżet powiatu: 1,2 mln zł rocznie.'
		});
	});

	it('keeps both people’s words when two write in the same section at once', () => {
		const [anna, jan] = pair();
		editDraftText(anna, 'financial-framework', 'Budżet gminy.');
		sync(anna, jan);
		// Both type before either sees the other: Anna at the end, Jan at the start.
		editDraftText(anna, 'financial-framework', 'Budżet gminy. Środki z EFS+.');
		editDraftText(jan, 'financial-framework', 'Źródła: Budżet gminy.');
		sync(anna, jan);
		const merged = draftText(anna, 'financial-framework').toString();
		expect(merged).toBe(draftText(jan, 'financial-framework').toString());
		expect(merged).toContain('Źródła:');
		expect(merged).toContain('Środki z EFS+.');
		expect(merged).toBe('Źródła: Budżet gminy. Środki z EFS+.');
	});

	it('cuts a text at the limit rather than storing a whole book', () => {
		const doc = new Y.Doc();
		editDraftText(doc, 'introduction', 'a'.repeat(DRAFT_TEXT_MAX + 10));
		expect(readDraftTexts(doc).introduction?.length).toBe(DRAFT_TEXT_MAX);
	});

	it('reads a section some client wrote as another type as no text, without throwing', () => {
		const doc = new Y.Doc();
		doc.getMap('text:services').set('x', 1);
		editDraftText(doc, 'forecast', 'Prognoza.');
		const copy = new Y.Doc();
		Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
		expect(readDraftTexts(copy)).toEqual({ forecast: 'Prognoza.' });
	});

	it('shows a doc from a newer Narada as unsupported', () => {
		const doc = new Y.Doc();
		expect(isDraftTextsSchemaSupported(doc)).toBe(true);
		doc.getMap('meta').set('schemaVersion', 99);
		expect(isDraftTextsSchemaSupported(doc)).toBe(false);
	});

	it('feeds consolidation: paragraphs split at blank lines, the financial framework finding gone once written', () => {
		const process = fixtureProcess();
		const doc = new Y.Doc();
		for (const id of DRAFT_TEXT_IDS) editDraftText(doc, id, '');
		editDraftText(doc, 'forecast', 'Pierwszy akapit prognozy,\nz przełamaniem wiersza.\n\n  \nDrugi akapit prognozy.');
		const before = checkCompleteness(consolidateDraft({ ...process.input, texts: readDraftTexts(doc) }));
		expect(before).toContainEqual({ code: 'missing-text', targetId: 'financial-framework' });
		expect(before).toContainEqual({ code: 'missing-text', targetId: 'implementation' });

		editDraftText(doc, 'financial-framework', 'Budżet powiatu i środki zewnętrzne.');
		editDraftText(doc, 'implementation', 'Zespół monitorujący zbiera się raz w roku.');
		const draft = consolidateDraft({ ...process.input, texts: readDraftTexts(doc) });
		const after = checkCompleteness(draft);
		expect(after).not.toContainEqual({ code: 'missing-text', targetId: 'financial-framework' });
		expect(after).not.toContainEqual({ code: 'missing-text', targetId: 'implementation' });
		expect(after).toContainEqual({ code: 'missing-text', targetId: 'services' });
		expect(draft.sections.find((section) => section.id === 'forecast')?.paragraphs).toEqual(['Pierwszy akapit prognozy,\nz przełamaniem wiersza.', 'Drugi akapit prognozy.']);
		expect(findSection(draft, 'implementation')?.paragraphs).toEqual(['Zespół monitorujący zbiera się raz w roku.']);
	});

	it('treats a participant’s markup in a section as text in the Markdown export', () => {
		const process = fixtureProcess();
		const doc = new Y.Doc();
		editDraftText(doc, 'services', HOSTILE_CARD_TEXT);
		const markdown = draftToMarkdown(consolidateDraft({ ...process.input, texts: readDraftTexts(doc) }));
		expect(markdown).not.toContain('<script>');
		expect(markdown).not.toContain('[link](http://evil)');
	});
});

describe('the caret in a co-edited field (shiftCaret)', () => {
	it('stays by the same characters when someone else writes before it, after it or over it', () => {
		const mine = 'Budżet powiatu. Śr';
		// Someone wrote at the start: my caret at the end moves with my text.
		expect(shiftCaret(mine, `Źródła: ${mine}`, mine.length)).toBe(mine.length + 'Źródła: '.length);
		// Someone wrote after my caret: it stays.
		expect(shiftCaret(mine, `${mine} i gminy`, 6)).toBe(6);
		// Someone deleted a span before my caret.
		expect(shiftCaret('abc def ghi', 'abc ghi', 10)).toBe(6);
		// My caret was inside a span someone replaced: it goes to the end of the new words.
		expect(shiftCaret('abc def ghi', 'abc XY ghi', 5)).toBe(6);
		expect(shiftCaret('abc', '', 2)).toBe(0);
	});
});
