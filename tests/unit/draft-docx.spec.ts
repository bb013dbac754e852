import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { SEED_000_TEMPLATE } from '../../src/lib/domain/goals';
import { consolidateDraft } from '../../src/lib/domain/draft/consolidate';
import type { StrategyDraft } from '../../src/lib/domain/draft/model';
import { renderDraftDocx } from '../../src/lib/export/draft-docx';
import { fixtureProcess, HOSTILE_CARD_TEXT } from './fixtures/draft-process';

/** The parts of a .docx the tests read, as XML text. */
interface DocxParts {
	document: string;
	styles: string;
	footnotes: string;
	numbering: string;
	footers: string[];
}

async function unzipDocx(bytes: Uint8Array): Promise<DocxParts> {
	const zip = await JSZip.loadAsync(bytes);
	const read = (name: string) => zip.file(name)!.async('string');
	const footerNames = Object.keys(zip.files).filter((name) => /^word\/footer\d+\.xml$/.test(name));
	return {
		document: await read('word/document.xml'),
		styles: await read('word/styles.xml'),
		footnotes: await read('word/footnotes.xml'),
		numbering: await read('word/numbering.xml'),
		footers: await Promise.all(footerNames.map(read))
	};
}

function draft(language: 'pl' | 'en' = 'pl'): StrategyDraft {
	return consolidateDraft({ ...fixtureProcess().input, language });
}

async function render(model: StrategyDraft = draft()): Promise<DocxParts> {
	return unzipDocx(await renderDraftDocx(model));
}

function unescapeXml(text: string): string {
	return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
}

/** What a reader sees of a paragraph: its runs' text, a line break as \n. */
function visibleText(xml: string): string {
	return [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:br\/>/g)].map((m) => (m[1] === undefined ? '\n' : unescapeXml(m[1]))).join('');
}

/** Top-level elements of a kind, not nested ones (a table's paragraphs are inside its w:tbl). */
function elements(xml: string, tag: 'w:p' | 'w:tbl' | 'w:tr' | 'w:tc'): string[] {
	return [...xml.matchAll(new RegExp(`<${tag}(?:>|\\s[^>]*>)[\\s\\S]*?</${tag}>`, 'g'))].map((m) => m[0]);
}

function paragraphs(xml: string): Array<{ style: string | null; text: string; xml: string }> {
	const outside = xml.replace(/<w:tbl>[\s\S]*?<\/w:tbl>/g, '');
	return elements(outside, 'w:p').map((p) => ({ style: /<w:pStyle w:val="([^"]+)"\/>/.exec(p)?.[1] ?? null, text: visibleText(p), xml: p }));
}

/** Each table as rows of cells, a cell's paragraphs joined by \n. */
function tables(xml: string): Array<{ xml: string; rows: string[][]; rowXml: string[] }> {
	return elements(xml, 'w:tbl').map((tbl) => {
		const rowXml = elements(tbl, 'w:tr');
		return { xml: tbl, rowXml, rows: rowXml.map((row) => elements(row, 'w:tc').map((cell) => elements(cell, 'w:p').map(visibleText).join('\n'))) };
	});
}

describe('DOCX of seed 000', () => {
	it('uses Word heading styles: sections as Heading 1, areas as Heading 2, blocks as Heading 3', async () => {
		const { document, styles } = await render();
		const list = paragraphs(document);
		const withStyle = (style: string) => list.filter((p) => p.style === style).map((p) => p.text);
		expect(withStyle('Title')).toEqual(['Strategia Rozwiązywania Problemów Społecznych Powiatu Olsztyńskiego']);
		expect(withStyle('Heading1')).toEqual([
			'1. Wprowadzenie',
			'2. Diagnoza sytuacji społecznej',
			'3. Prognoza zmian',
			'4. Cele strategiczne i kierunki działań',
			'5. Sposób realizacji, monitoring i ewaluacja',
			'6. Ramy finansowe',
			'7. Usługi społeczne',
			'8. Zadania publiczne zlecane organizacjom pozarządowym',
			'9. Załączniki'
		]);
		expect(withStyle('Heading2')).toEqual(expect.arrayContaining(['Współpraca i jakość usług', 'Obszar V. Poprawa współpracy oraz jakości usług społecznych w powiecie', 'Wskaźniki realizacji działań']));
		expect(withStyle('Heading3')).toEqual(['Drzewo problemów: współpraca', 'Koszty zaniechania: Karty kosztów zaniechania', 'Największe luki w usługach: Matryca usług']);
		// Word's built-in styles (found by name), with outline levels for the navigation pane.
		for (const [id, level] of [['Heading1', 0], ['Heading2', 1], ['Heading3', 2]] as const) {
			expect(styles).toMatch(new RegExp(`<w:style w:type="paragraph" w:styleId="${id}"><w:name w:val="Heading ${level + 1}"/>[\\s\\S]*?<w:outlineLvl w:val="${level}"/>`));
		}
	});

	it('has a title page without a page number, a table-of-contents field and PAGE in the footer', async () => {
		const { document, footers } = await render();
		const list = paragraphs(document);
		expect(list.slice(1, 5).map((p) => p.text)).toEqual(['Powiat olsztyński', 'na lata 2021–2030', 'Data: 2026-11-27', 'Wersja: podgląd roboczy']);
		// Begin, instruction, separator and end each in a run of their own, or LibreOffice prints the instruction.
		expect(document).toMatch(/<w:r><w:fldChar w:fldCharType="begin" w:dirty="true"\/><\/w:r><w:r><w:instrText xml:space="preserve">TOC \\o (&quot;|")1-3(&quot;|") \\h \\z \\u<\/w:instrText><\/w:r><w:r><w:fldChar w:fldCharType="separate"\/><\/w:r>/);
		expect(document).toMatch(/<w:r><w:fldChar w:fldCharType="end"\/><\/w:r>/);
		expect(list.find((p) => p.style === 'TOCHeading')?.text).toBe('Spis treści');
		expect(document).toContain('<w:titlePg/>');
		const defaultFooter = /<w:footerReference w:type="default" r:id="(rId\d+)"\/>/.exec(document);
		expect(defaultFooter).not.toBeNull();
		// One PAGE footer per section (the portrait body and the landscape annexes), plus the title page's empty one.
		expect(footers.filter((footer) => /<w:instrText xml:space="preserve">PAGE<\/w:instrText>/.test(footer))).toHaveLength(2);
		expect(footers.filter((footer) => visibleText(footer) === '' && !footer.includes('PAGE'))).toHaveLength(1);
	});

	it('prints the goals, and the "Kierunki działań" table with a repeating header, against the seed', async () => {
		const { document, numbering } = await render();
		const list = paragraphs(document);
		const seed = SEED_000_TEMPLATE.strategic[0];
		expect(list.map((p) => p.text)).toContain(`Cel strategiczny: 5. ${seed.text}`);
		// Specific goals are a Word numbered list printing 5.1., 5.2., 5.3.
		const specific = list.filter((p) => /<w:numPr>/.test(p.xml) && seed.specific.some((goal) => goal.text === p.text));
		expect(specific.map((p) => p.text)).toEqual(seed.specific.map((goal) => goal.text));
		const numId = /<w:numId w:val="(\d+)"\/>/.exec(specific[0].xml)![1];
		expect(new Set(specific.map((p) => /<w:numId w:val="(\d+)"\/>/.exec(p.xml)![1]))).toEqual(new Set([numId]));
		expect(numbering).toContain('<w:numFmt w:val="decimal"/><w:lvlText w:val="5.%1."/>');

		const actionTable = tables(document).find((t) => t.rows[0][0] === 'Lp.')!;
		expect(actionTable.rows[0]).toEqual(['Lp.', 'Opis działania', 'Harmonogram realizacji', 'Wskaźnik realizacji działania']);
		expect(actionTable.rowXml[0]).toContain('<w:tblHeader/>');
		expect(actionTable.rowXml.slice(1).some((row) => row.includes('<w:tblHeader/>'))).toBe(false);
		expect(actionTable.rowXml[0]).toContain('<w:footnoteReference w:id="2"/>');
		const actions = seed.actions!;
		expect(actionTable.rows.slice(1)).toEqual(
			actions.map((action, index) => [`${index + 1}.`, action.text, action.timeframe, action.indicators.map((indicator) => indicator.name).join('\n')])
		);
		expect(actionTable.rows[2][3]).toBe('Liczba zorganizowanych szkoleń i spotkań dla kadry pomocy społecznej.\nLiczba uczestników.');
		expect(actionTable.rowXml[5]).toContain('<w:footnoteReference w:id="3"/>');

		const entitiesAt = list.findIndex((p) => p.text === 'Podmioty zaangażowane:');
		expect(entitiesAt).toBeGreaterThan(0);
		expect(list[entitiesAt + 1].text).toBe('Wszystkie wymienione w obszarach I–IV.');
		expect(list[entitiesAt + 1].xml).toContain('<w:numPr>');
	});

	it('lists the indicators, flagged ones with the women/men note', async () => {
		const indicatorTable = tables((await render()).document).find((t) => t.rows[0][0] === 'Działanie')!;
		expect(indicatorTable.rowXml[0]).toContain('<w:tblHeader/>');
		expect(indicatorTable.rows).toContainEqual(['V.2', 'Liczba uczestników. (w podziale na kobiety i mężczyzn)', '', '', '', '']);
	});

	it('makes real Word footnotes with the seed’s text', async () => {
		const { document, footnotes } = await render();
		const notes = new Map(elements(footnotes, 'w:footnote' as 'w:p').map((note) => [/w:id="(-?\d+)"/.exec(note)![1], visibleText(note).trim()]));
		expect(notes.get('1')).toMatch(/^Pod pojęciem „pracowników” należy w tym przypadku rozumieć również osoby zatrudnione/);
		expect(notes.get('2')).toBe('Uwaga: tam, gdzie to możliwe, monitoring wskaźników dotyczących osób powinien uwzględniać podział na kobiety i mężczyzn.');
		expect(notes.get('3')).toMatch(/^Ważnym obszarem działań umożliwiającym propagowanie różnych metod partycypacji/);
		expect(footnotes).toContain('<w:pStyle w:val="FootnoteText"/>');
		for (const id of ['1', '2', '3']) expect(document).toContain(`<w:footnoteReference w:id="${id}"/>`);
	});

	it('prints the diagnosis: the tree as a nested list, the cost table, the gaps, the annex', async () => {
		const { document } = await render();
		const list = paragraphs(document);
		const treeAt = list.findIndex((p) => p.text === 'Drzewo problemów: współpraca');
		// The diagram comes first, in its own paragraph (tests/unit/draft-diagrams.spec.ts looks at it).
		expect(list[treeAt + 1].xml).toContain('<w:drawing>');
		const items = list.slice(treeAt + 2, treeAt + 7);
		expect(items.map((p) => [p.text, /<w:ilvl w:val="(\d)"\/>/.exec(p.xml)?.[1]])).toEqual([
			['Problem główny: Niska skuteczność powiatowej polityki społecznej', '0'],
			['Skutek: Problemy społeczne narastają szybciej niż odpowiedź na nie', '1'],
			['Przyczyna: Niewystarczające kompetencje kadr pomocy społecznej — Dane: 38% pracowników bez szkolenia w 2022 r. (sprawozdanie PCPR)', '1'],
			['Przyczyna: Brak superwizji i doradztwa metodycznego', '2'],
			['Przyczyna: Słaba współpraca między instytucjami', '1']
		]);
		const all = tables(document);
		expect(all.flatMap((t) => t.rows)).toContainEqual(['przemoc w rodzinie', 'Dzieci trafiają do pieczy zastępczej.', 'budżety publiczne', '12 dzieci × 4 800 zł × 12 miesięcy = 691\u00a0200\u00a0zł', '1–3 lata']);
		expect(list.map((p) => p.text)).toContain('Łączny szacowany koszt roczny: 691\u00a0200\u00a0zł');
		expect(all.flatMap((t) => t.rows)).toContainEqual(['Usługi dla osób starszych', 'Teleopieka', 'PCPR Pisz', 'duża luka', '1']);
		expect(list.map((p) => p.text)).toContain('Załącznik 1. Matryca potrzeb, nisz i luk: Matryca usług');
		const annex = all.at(-1)!;
		expect(annex.rows).toEqual([
			['Usługa', 'powiat piski', 'PCPR Pisz'],
			['Usługi dla osób starszych'],
			['Kluby Seniora', 'duża luka', 'brak danych'],
			['Teleopieka', 'brak danych', 'duża luka'],
			['Usługi dla rodzin'],
			['Szkoła dla rodziców', 'mała luka', 'brak danych']
		]);
		expect(annex.rowXml[1]).toContain('<w:gridSpan w:val="3"/>');
		// The annexes are a landscape section of their own, the matrix as wide as that page.
		const sections = [...document.matchAll(/<w:sectPr>[\s\S]*?<\/w:sectPr>/g)].map((m) => m[0]);
		expect(sections).toHaveLength(2);
		expect(sections[0]).toContain('<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"/>');
		expect(sections[1]).toContain('<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/>');
		expect(annex.xml).toContain('<w:tblW w:type="dxa" w:w="14004"/>');
		const annexesHeading = list.find((p) => p.style === 'Heading1' && p.text === '9. Załączniki')!;
		expect(document.indexOf(sections[0])).toBeLessThan(document.indexOf(annexesHeading.xml));
	});

	it('keeps Polish characters and sets the document language', async () => {
		const { document, styles } = await render();
		const text = visibleText(document);
		for (const letter of 'ąćęłńóśźżĄĆĘŁŃÓŚŹŻ'.slice(0, 9)) expect(text).toContain(letter);
		expect(text).toContain('Zadania publiczne zlecane organizacjom pozarządowym');
		expect(styles).toMatch(/<w:rPrDefault><w:rPr>[\s\S]*<w:lang w:val="pl-PL"\/>[\s\S]*<\/w:rPr><\/w:rPrDefault>/);
	});

	it('writes an English draft in English, marked en-GB', async () => {
		const { document, styles } = await render(draft('en'));
		expect(styles).toContain('<w:lang w:val="en-GB"/>');
		expect(paragraphs(document).filter((p) => p.style === 'Heading1')[0].text).toBe('1. Introduction');
		expect(tables(document).find((t) => t.rows[0][0] === 'No.')!.rows[0]).toEqual(['No.', 'Action', 'Timeframe', 'Indicator']);
	});
});

describe('participation in the process', () => {
	it('tabulates workshops, sectors, institutions and women/men', async () => {
		const model = draft();
		const annexes = model.sections.findIndex((section) => section.kind === 'annexes');
		model.sections.splice(annexes, 0, {
			kind: 'participation',
			id: 'participation',
			title: 'Udział społeczności w tworzeniu strategii',
			paragraphs: [],
			workshops: [{ id: 'workshop:w1', title: 'Warsztat diagnostyczny — Ełk', date: '2026-10-05', participants: 18 }],
			participants: 18,
			bySector: [
				{ key: 'social_assistance', count: 10 },
				{ key: 'ngo', count: 8 }
			],
			byInstitution: [{ key: 'MOPS w Ełku', count: 6 }],
			byGender: { women: 12, men: 5, notGiven: 1 }
		});
		const { document } = await render(model);
		const list = paragraphs(document);
		expect(list.filter((p) => p.style === 'Heading1').map((p) => p.text)).toContain('9. Udział społeczności w tworzeniu strategii');
		expect(list.map((p) => p.text)).toContain('Liczba uczestników: 18');
		const rows = tables(document).map((t) => t.rows);
		expect(rows).toContainEqual([['Warsztat', 'Data', 'Uczestnicy'], ['Warsztat diagnostyczny — Ełk', '2026-10-05', '18']]);
		expect(rows).toContainEqual([['Sektor', 'Liczba osób'], ['pomoc społeczna', '10'], ['organizacje pozarządowe', '8']]);
		expect(rows).toContainEqual([['Instytucja', 'Liczba osób'], ['MOPS w Ełku', '6']]);
		expect(rows).toContainEqual([['kobiety', 'mężczyźni', 'nie podano'], ['12', '5', '1']]);
	});
});

describe('a large draft', () => {
	/** The fixture's model scaled up as plain data: 50 actions, 500 cards, a 60 × 20 matrix. */
	function largeDraft(): StrategyDraft {
		const model = draft();
		const goal = model.sections.find((section) => section.kind === 'goals')!.areas[0].strategic[0];
		goal.actions = Array.from({ length: 50 }, (_, i) => ({ ...goal.actions[i % goal.actions.length], id: `a${i}`, number: i + 1 }));
		const block = model.sections.find((section) => section.kind === 'diagnosis')!.areas[0].inactionCards[0];
		block.cards = Array.from({ length: 500 }, (_, i) => ({ ...block.cards[i % 2], id: `c${i}`, text: `Skutek ${i} <b>${i}</b>` }));
		const annex = model.sections.find((section) => section.kind === 'annexes')!.matrices[0];
		annex.columns = Array.from({ length: 20 }, (_, i) => ({ id: `k${i}`, name: `Gmina ${i}` }));
		annex.groups = Array.from({ length: 6 }, (_, g) => ({
			id: `g${g}`,
			name: `Grupa ${g}`,
			rows: Array.from({ length: 10 }, (_, r) => ({ id: `r${g}-${r}`, name: `Usługa ${g}.${r}`, gaps: Array.from({ length: 20 }, () => 'large' as const) }))
		}));
		return model;
	}

	it('renders every row, the header repeated by Word rather than copied', async () => {
		const model = largeDraft();
		const started = performance.now();
		const bytes = await renderDraftDocx(model);
		// Recorded, not asserted: the goal is consolidation plus DOCX under 2 s.
		console.info(`DOCX of a large draft: ${Math.round(performance.now() - started)} ms, ${bytes.length} bytes`);
		const { document } = await unzipDocx(bytes);
		const all = tables(document);
		const actionTable = all.find((t) => t.rows[0][0] === 'Lp.')!;
		expect(actionTable.rows).toHaveLength(51);
		expect(actionTable.rowXml.filter((row) => row.includes('<w:tblHeader/>'))).toHaveLength(1);
		expect(all.find((t) => t.rows[0][0] === 'Obszar problemowy')!.rows).toHaveLength(501);
		const annex = all.at(-1)!;
		expect(annex.rows).toHaveLength(1 + 6 + 60);
		expect(annex.rows[0]).toHaveLength(21);
	});
});

describe('participants’ text in the DOCX is data, never markup', () => {
	it('shows a hostile card exactly as typed, as one cell’s text', async () => {
		const { document } = await render();
		const row = tables(document)
			.flatMap((t) => t.rows)
			.find((cells) => cells[0] === 'bezdomność')!;
		expect(row).toEqual(['bezdomność', HOSTILE_CARD_TEXT, '', '', '']);
		expect(document).not.toMatch(/<script/i);
		// The field code is text in a w:t, never a field instruction.
		expect(document).toContain('{ HYPERLINK &quot;http://evil&quot; }');
		expect(document).not.toMatch(/<w:instrText[^>]*>[^<]*HYPERLINK|<w:fldSimple[^>]*HYPERLINK/);
		expect(document).not.toContain('<w:b/><w:bCs/></w:rPr><w:t xml:space="preserve">bold');
	});

	it('keeps line breaks and drops characters XML cannot hold, so Word opens the file', async () => {
		const model = draft();
		const intro = model.sections.find((section) => section.id === 'introduction')!;
		intro.paragraphs = ['pierwsza linia\ndruga <w:t>linia</w:t>\u0001\u0008\uFFFF koniec\uD800'];
		model.titlePage.title = 'Strategia <b>\u0007 & </dc:title>';
		const bytes = await renderDraftDocx(model);
		const { document } = await unzipDocx(bytes);
		const core = await (await JSZip.loadAsync(bytes)).file('docProps/core.xml')!.async('string');
		expect(core).toContain('<dc:title>Strategia &lt;b&gt; &amp; &lt;/dc:title&gt;</dc:title>');
		const paragraph = paragraphs(document).find((p) => p.text.startsWith('pierwsza'))!;
		expect(paragraph.text).toBe('pierwsza linia\ndruga <w:t>linia</w:t> koniec');
		expect(paragraph.xml).toContain('<w:br/>');
		expect(document).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/);
	});

	it('renders the same model to the same document', async () => {
		const model = draft();
		const [a, b] = await Promise.all([render(model), render(model)]);
		expect(a.document).toBe(b.document);
		expect(a.footnotes).toBe(b.footnotes);
	});
});
