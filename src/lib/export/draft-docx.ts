import { AlignmentType, Document, Footer, HeadingLevel, Packer, PageNumber, PageOrientation, Paragraph, Table, TextRun } from 'docx';
import { isSector } from '../domain/sectors';
import type { DraftRenderOptions } from './draft-render-options';
import { draftLabels, type DraftLabels } from '../domain/draft/labels';
import type { DraftParticipationSection, DraftSection, StrategyDraft } from '../domain/draft/model';
import { LANDSCAPE_TEXT_WIDTH, PAGE, TABLE_TEXT_STYLE, heading, labelled, note, paragraph, table, textRuns, xmlSafe } from './draft-docx-blocks';
import { diagnosisDocx, matrixAnnexDocx } from './draft-docx-diagnosis';
import { goalsAreaDocx, indicatorsDocx, type GoalsContext } from './draft-docx-goals';
import { tocField } from './draft-docx-toc';
import { consultationReportDocxBody } from './consultation-report-docx';
import { consultationAnnexHeading } from '../domain/consultation/report-table';

/** Word's language tags for the draft's languages; they go into styles.xml as the document default. */
const WORD_LANGUAGE = { pl: 'pl-PL', en: 'en-GB' } as const;

/**
 * The draft as a Word document a facilitator can edit and hand to a council: a title page, a
 * table-of-contents field (Word fills it in when the file is opened), the sections as Heading 1,
 * areas as Heading 2, blocks as Heading 3, the goals chapters in seed 000's layout with the
 * "Kierunki działań" table's header repeated on every page, real footnotes, page numbers in the
 * footer. Where each goal and action came from is printed as a short note only when
 * `options.sources` asks for it. Reads only the model, so a saved version always gives the same
 * document. Problem trees come as a picture (with their outline as its description) and a nested list.
 */
export async function renderDraftDocx(draft: StrategyDraft, options: DraftRenderOptions = {}): Promise<Uint8Array> {
	const labels = draftLabels(draft.language);
	const context: GoalsContext = { labels, numbering: [], sources: options.sources === true };
	const steps = draft.sections.length + 1;
	const blocks = draft.sections.map((section, index) => {
		const out = sectionDocx(section, index, context);
		options.onProgress?.(index + 1, steps);
		return out;
	});
	const body = blocks.flat();
	// The annexes with a matrix or a consultation report start a landscape section of their own.
	const annexes = draft.sections.findIndex((section) => section.kind === 'annexes' && hasTableAnnex(section));
	const annexesAt = annexes === -1 ? body.length : blocks.slice(0, annexes).flat().length;
	const document = new Document({
		title: xmlSafe(draft.titlePage.title),
		creator: 'Narada',
		lastModifiedBy: 'Narada',
		description: xmlSafe(draft.titlePage.territory),
		// Word asks to update fields on opening, which fills in the table of contents and page numbers.
		features: { updateFields: true },
		styles: documentStyles(WORD_LANGUAGE[draft.language] ?? WORD_LANGUAGE.pl),
		numbering: { config: context.numbering },
		footnotes: Object.fromEntries(
			draft.footnotes.map((footnote) => [
				footnote.number,
				{ children: footnote.text.split(/\n{2,}/).map((text, i) => new Paragraph({ style: 'FootnoteText', children: textRuns(i === 0 ? ` ${text.trim()}` : text.trim()) })) }
			])
		),
		sections: [
			{
				properties: { titlePage: true, page: pageSetup(PageOrientation.PORTRAIT) },
				// The title page has its own, empty footer (a footer needs a paragraph to be valid).
				footers: { first: new Footer({ children: [new Paragraph({})] }), default: pageNumberFooter() },
				children: [...titlePage(draft, labels), ...tableOfContents(draft, labels), ...body.slice(0, annexesAt)]
			},
			...(annexesAt < body.length ? [{ properties: { page: pageSetup(PageOrientation.LANDSCAPE) }, footers: { default: pageNumberFooter() }, children: body.slice(annexesAt) }] : [])
		]
	});
	return new Uint8Array(await Packer.toArrayBuffer(document));
}

function pageSetup(orientation: (typeof PageOrientation)[keyof typeof PageOrientation]) {
	return { size: { width: PAGE.width, height: PAGE.height, orientation }, margin: { top: PAGE.margin, bottom: PAGE.margin, left: PAGE.margin, right: PAGE.margin } };
}

function documentStyles(language: string) {
	const headingStyle = (size: number, outlineLevel: number, before: number) => ({
		run: { size, bold: true, color: '1F3864' },
		paragraph: { keepNext: true, keepLines: true, outlineLevel, spacing: { before, after: 120 } }
	});
	return {
		default: {
			document: { run: { font: 'Calibri', size: 22, language: { value: language } }, paragraph: { spacing: { after: 80 } } },
			title: { run: { size: 48, bold: true, color: '1F3864' }, paragraph: { spacing: { before: 2400, after: 480 } } },
			heading1: headingStyle(32, 0, 480),
			heading2: headingStyle(28, 1, 360),
			heading3: headingStyle(24, 2, 240)
		},
		paragraphStyles: [
			{ id: 'TOCHeading', name: 'TOC Heading', basedOn: 'Normal', next: 'Normal', run: { size: 32, bold: true, color: '1F3864' }, paragraph: { spacing: { after: 240 } } },
			{ id: TABLE_TEXT_STYLE, name: 'Table Text', basedOn: 'Normal', run: { size: 18 }, paragraph: { spacing: { after: 0 } } }
		]
	};
}

function pageNumberFooter(): Footer {
	return new Footer({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [PageNumber.CURRENT] })] })] });
}

function titlePage(draft: StrategyDraft, labels: DraftLabels): Paragraph[] {
	const page = draft.titlePage;
	const centred = (text: string, size: number, bold?: true) => new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 240 }, children: textRuns(text, { size, bold }) });
	const lines = [
		new Paragraph({ heading: HeadingLevel.TITLE, alignment: AlignmentType.CENTER, children: textRuns(page.title) }),
		...(page.territory ? [centred(page.territory, 32, true)] : []),
		...(page.periodFrom !== null && page.periodTo !== null ? [centred(`${labels.titlePeriod} ${page.periodFrom}–${page.periodTo}`, 28)] : []),
		centred(`${labels.titleDate}: ${page.date}`, 22),
		centred(`${labels.titleVersion}: ${page.version === null ? labels.livePreview : page.version}`, 22)
	];
	return lines;
}

/**
 * A TOC field over Heading 1–3 with links. Word recomputes it with page numbers when the file
 * is opened; until then (and in viewers that never update fields) it lists the sections.
 */
function tableOfContents(draft: StrategyDraft, labels: DraftLabels): Paragraph[] {
	return [
		new Paragraph({ style: 'TOCHeading', pageBreakBefore: true, children: textRuns(labels.tableOfContents) }),
		...tocField(draft.sections.map((section, index) => xmlSafe(sectionTitle(section, index))))
	];
}

function hasTableAnnex(section: DraftSection): boolean {
	return section.kind === 'annexes' && (section.matrices.length > 0 || (section.consultations?.length ?? 0) > 0);
}

function sectionTitle(section: DraftSection, index: number): string {
	return `${index + 1}. ${section.title}`;
}

function sectionDocx(section: DraftSection, index: number, context: GoalsContext): Array<Paragraph | Table> {
	const { labels } = context;
	// The annexes begin a new section, hence a new page, of their own when they hold a matrix.
	const newPage = index === 0 || section.kind === 'goals' || (section.kind === 'annexes' && !hasTableAnnex(section));
	const out: Array<Paragraph | Table> = [heading(1, sectionTitle(section, index), newPage)];
	out.push(...section.paragraphs.map((text) => paragraph(text)));
	const body = sectionBody(section, context);
	if (section.paragraphs.length === 0 && body.length === 0) out.push(note(labels.noContent));
	out.push(...body);
	return out;
}

function sectionBody(section: DraftSection, context: GoalsContext): Array<Paragraph | Table> {
	const { labels } = context;
	switch (section.kind) {
		case 'diagnosis':
			return diagnosisDocx(section, labels);
		case 'goals':
			return section.areas.flatMap((area) => goalsAreaDocx(area, context));
		case 'implementation':
			return indicatorsDocx(section, labels);
		case 'participation':
			return participationDocx(section, labels);
		case 'annexes':
			return [
				...section.matrices.flatMap((annex, index) => matrixAnnexDocx(annex, index + 1, labels)),
				...(section.consultations ?? []).flatMap((annex, index) => [
					heading(2, consultationAnnexHeading(annex, section.matrices.length + index + 1, labels.annex)),
					...consultationReportDocxBody(annex.report, 3, LANDSCAPE_TEXT_WIDTH)
				])
			];
		default:
			return [];
	}
}

function participationDocx(section: DraftParticipationSection, labels: DraftLabels): Array<Paragraph | Table> {
	const out: Array<Paragraph | Table> = [];
	if (section.workshops.length > 0) {
		const columns = labels.workshopColumns;
		out.push(heading(2, labels.workshopsHeld));
		out.push(table([columns.title, columns.date, columns.participants], section.workshops.map((w) => [w.title, w.date, String(w.participants)]), [60, 20, 20]));
	}
	out.push(labelled(labels.participantsTotal, [new TextRun(String(section.participants))]));
	const counts = labels.countColumns;
	if (section.bySector.length > 0) {
		const sector = (key: string) => (isSector(key) ? labels.sectors[key] : key);
		out.push(heading(2, labels.bySector), table([counts.sector, counts.count], section.bySector.map((c) => [sector(c.key), String(c.count)]), [75, 25]));
	}
	if (section.byInstitution.length > 0) {
		out.push(heading(2, labels.byInstitution), table([counts.institution, counts.count], section.byInstitution.map((c) => [c.key, String(c.count)]), [75, 25]));
	}
	if (section.byGender) {
		const g = labels.byGender;
		const counts = section.byGender;
		out.push(heading(2, g.title), table([g.women, g.men, g.notGiven], [[String(counts.women), String(counts.men), String(counts.notGiven)]], [1, 1, 1]));
	}
	return out;
}
