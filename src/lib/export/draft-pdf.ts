import PDFDocument from 'pdfkit';
import { formatPln } from '../domain/inaction-cards/cost-estimate';
import { isSector } from '../domain/sectors';
import type { DraftRenderOptions } from './draft-render-options';
import { draftLabels, type DraftLabels } from '../domain/draft/labels';
import type {
	DraftAction,
	DraftCardsBlock,
	DraftConsultationAnnex,
	DraftDiagnosisSection,
	DraftGoalsArea,
	DraftImplementationSection,
	DraftMatrixAnnex,
	DraftMatrixBlock,
	DraftParticipationSection,
	DraftSection,
	DraftSource,
	DraftTree,
	StrategyDraft
} from '../domain/draft/model';
import { collectPdf, drawPdfTable, registerPdfFonts, writeFooter, type PdfTableBlock } from './pdf-table';
import { drawTreeFigure } from './pdf-tree-figure';
import { drawConsultationReportBody } from './consultation-report-pdf';
import { consultationAnnexHeading } from '../domain/consultation/report-table';
import { LIST_DEPTH_MAX, cardRows, indicatorRows, withKind } from '../domain/draft/table-rows';

/**
 * The strategy draft as a PDF: A4, DejaVu Sans embedded (Polish letters), document language
 * and title set, tagged (PDF 1.7 structure tree: Document, Sect, H1–H3, P, L/LI/Lbl/LBody,
 * Table/TR/TH/TD, TOC/TOCI, Note; borders, fills and page numbers are artifacts) and with
 * bookmarks. Reads only the model, in its order: title page, table of contents, the sections,
 * then the footnotes as endnotes ("Przypisy") after the last section. Participants' text is
 * drawn as text, never interpreted.
 */

type Doc = InstanceType<typeof PDFDocument>;
type StructElement = ReturnType<Doc['struct']>;

const MARGIN = 56;
const FOOTER_SPACE = 18;
const MARGINS = { top: MARGIN, left: MARGIN, right: MARGIN, bottom: MARGIN + FOOTER_SPACE };
const BODY = 10;
const SMALL = 8.5;
const MUTED = '#57606a';
/** Matrices wider than this many columns go on landscape pages. */
const PORTRAIT_COLUMNS_MAX = 6;

const OWN_WORDS = {
	pl: { lang: 'pl-PL', notes: 'Przypisy', page: (n: number, of: number) => `Strona ${n} z ${of}` },
	en: { lang: 'en-GB', notes: 'Notes', page: (n: number, of: number) => `Page ${n} of ${of}` }
} as const;

/** `options.sources` adds where each goal and action came from, as a short note under it. */
export async function renderDraftPdf(draft: StrategyDraft, options: DraftRenderOptions = {}): Promise<Uint8Array> {
	return new DraftPdfWriter(draft, options.sources === true, options.onProgress).render();
}

class DraftPdfWriter {
	private readonly doc: Doc;
	private readonly labels: DraftLabels;
	private readonly words: (typeof OWN_WORDS)[keyof typeof OWN_WORDS];
	private readonly root: StructElement;
	private readonly bytes: Promise<Uint8Array>;

	constructor(
		private readonly draft: StrategyDraft,
		private readonly withSources: boolean,
		private readonly onProgress?: (done: number, total: number) => void
	) {
		this.labels = draftLabels(draft.language);
		this.words = OWN_WORDS[draft.language] ?? OWN_WORDS.pl;
		this.doc = new PDFDocument({
			size: 'A4',
			margins: MARGINS,
			bufferPages: true,
			autoFirstPage: true,
			pdfVersion: '1.7',
			tagged: true,
			lang: this.words.lang,
			displayTitle: true,
			// Dated by the draft, not the clock: a saved version renders to the same bytes every time.
			info: { Title: draft.titlePage.title, Author: 'Narada', Subject: draft.titlePage.territory, Creator: 'Narada', CreationDate: draftDate(draft), ModDate: draftDate(draft) }
		});
		this.bytes = collectPdf(this.doc);
		registerPdfFonts(this.doc);
		this.doc.font('regular').fontSize(BODY);
		this.root = this.doc.struct('Document');
		this.doc.addStructure(this.root);
	}

	async render(): Promise<Uint8Array> {
		const doc = this.doc;
		this.titlePage();
		this.newPage();
		const toc = doc.struct('TOC');
		this.root.add(toc);
		const tocPage = this.pageIndex();
		const entries: Array<{ title: string; page: number }> = [];

		this.draft.sections.forEach((section, index) => {
			this.newPage();
			const title = `${index + 1}. ${section.title}`;
			entries.push({ title, page: this.pageIndex() + 1 });
			doc.outline.addItem(title);
			const sect = doc.struct('Sect');
			this.root.add(sect);
			this.heading(sect, 1, title);
			for (const paragraph of section.paragraphs) this.paragraph(sect, paragraph);
			const before = this.contentMark();
			this.sectionBody(sect, section);
			if (section.paragraphs.length === 0 && before === this.contentMark()) this.paragraph(sect, this.labels.noContent, { color: MUTED });
			sect.end();
			this.onProgress?.(index + 1, this.draft.sections.length + 1);
		});

		if (this.draft.footnotes.length > 0) {
			this.newPage();
			entries.push({ title: this.words.notes, page: this.pageIndex() + 1 });
			doc.outline.addItem(this.words.notes);
			const sect = doc.struct('Sect');
			this.root.add(sect);
			this.heading(sect, 1, this.words.notes);
			for (const note of this.draft.footnotes) {
				sect.add(doc.struct('Note', {}, [() => this.text(`${note.number}. ${note.text}`, { size: SMALL + 0.5, gap: 4 })]));
			}
			sect.end();
		}

		doc.switchToPage(tocPage);
		this.tableOfContents(toc, entries);
		this.pageNumbers();
		this.root.end();
		doc.end();
		return this.bytes;
	}

	// --- layout primitives -------------------------------------------------------------

	private get left() {
		return this.doc.page.margins.left;
	}
	private get width() {
		return this.doc.page.width - this.doc.page.margins.left - this.doc.page.margins.right;
	}
	private get bottom() {
		return this.doc.page.height - this.doc.page.margins.bottom;
	}
	private pageIndex(): number {
		const range = this.doc.bufferedPageRange();
		return range.start + range.count - 1;
	}
	/** Changes whenever something was drawn (page or position moved). */
	private contentMark(): string {
		return `${this.pageIndex()}:${this.doc.y}`;
	}
	private newPage(layout: 'portrait' | 'landscape' = 'portrait') {
		this.doc.addPage({ size: 'A4', layout, margins: MARGINS });
	}
	/** Keeps a heading or label with what follows it. */
	private keepRoom(points: number) {
		if (this.doc.y + points > this.bottom) this.newPage(this.doc.page.width > this.doc.page.height ? 'landscape' : 'portrait');
	}

	private text(value: string, options: { size?: number; bold?: boolean; color?: string; indent?: number; gap?: number; align?: 'left' | 'center' } = {}) {
		const doc = this.doc;
		const indent = options.indent ?? 0;
		doc.font(options.bold ? 'bold' : 'regular').fontSize(options.size ?? BODY).fillColor(options.color ?? '#000000');
		doc.text(value, this.left + indent, doc.y, { width: this.width - indent, align: options.align ?? 'left' });
		doc.fillColor('#000000');
		doc.y += options.gap ?? 6;
	}

	private heading(parent: StructElement, level: 1 | 2 | 3, value: string) {
		const sizes = { 1: 16, 2: 13, 3: 11 } as const;
		this.keepRoom(sizes[level] * 5);
		if (level > 1) this.doc.y += 6;
		parent.add(this.doc.struct(`H${level}`, {}, [() => this.text(value, { size: sizes[level], bold: true, gap: level === 1 ? 10 : 6 })]));
	}

	private paragraph(parent: StructElement, value: string, options: { bold?: boolean; color?: string; size?: number; indent?: number } = {}) {
		parent.add(this.doc.struct('P', {}, [() => this.text(value, options)]));
	}

	private label(parent: StructElement, value: string) {
		this.keepRoom(60);
		this.paragraph(parent, `${value}:`, { bold: true });
	}

	/** A list whose items may be indented (tree outlines); label and body side by side. */
	private list(parent: StructElement, items: Array<{ label: string; body: string; depth?: number; boldLabel?: boolean }>) {
		const doc = this.doc;
		const list = doc.struct('L');
		parent.add(list);
		for (const item of items) {
			const indent = Math.min(item.depth ?? 0, LIST_DEPTH_MAX) * 14;
			doc.font(item.boldLabel ? 'bold' : 'regular').fontSize(BODY);
			const labelWidth = Math.min(doc.widthOfString(item.label) + 6, this.width / 2);
			this.keepRoom(doc.currentLineHeight(true) * 2);
			const top = doc.y;
			const li = doc.struct('LI');
			list.add(li);
			li.add(
				doc.struct('Lbl', {}, [
					() => {
						doc.font(item.boldLabel ? 'bold' : 'regular').fontSize(BODY);
						doc.text(item.label, this.left + indent, top, { width: labelWidth, lineBreak: false });
					}
				])
			);
			li.add(
				doc.struct('LBody', {}, [
					() => {
						doc.font('regular').fontSize(BODY);
						doc.text(item.body, this.left + indent + labelWidth, top, { width: this.width - indent - labelWidth });
					}
				])
			);
			li.end();
			doc.y += 3;
		}
		list.end();
		doc.y += 3;
	}

	private table(parent: StructElement, table: PdfTableBlock) {
		const landscape = this.doc.page.width > this.doc.page.height;
		const y = drawPdfTable(this.doc, table, {
			left: this.left,
			width: this.width,
			y: this.doc.y,
			top: MARGINS.top,
			bottom: this.bottom,
			struct: parent,
			newPage: () => this.newPage(landscape ? 'landscape' : 'portrait')
		});
		this.doc.x = this.left;
		this.doc.y = y + 10;
	}

	// --- title page, contents, page numbers ------------------------------------------

	private titlePage() {
		const doc = this.doc;
		const page = this.draft.titlePage;
		const labels = this.labels;
		const block = doc.struct('Sect');
		this.root.add(block);
		doc.y = doc.page.height / 3;
		if (page.territory) this.paragraph(block, page.territory, { size: 14 });
		doc.y += 10;
		block.add(doc.struct('H1', {}, [() => this.text(page.title, { size: 24, bold: true, gap: 16 })]));
		if (page.periodFrom !== null && page.periodTo !== null) this.paragraph(block, `${labels.titlePeriod} ${page.periodFrom}–${page.periodTo}`, { size: 14 });
		doc.y += 40;
		this.paragraph(block, `${labels.titleDate}: ${page.date}`, { color: MUTED });
		this.paragraph(block, `${labels.titleVersion}: ${page.version === null ? labels.livePreview : page.version}`, { color: MUTED });
		block.end();
	}

	private tableOfContents(toc: StructElement, entries: Array<{ title: string; page: number }>) {
		const doc = this.doc;
		doc.x = this.left;
		doc.y = MARGINS.top;
		toc.add(doc.struct('H1', {}, [() => this.text(this.labels.tableOfContents, { size: 16, bold: true, gap: 12 })]));
		const numberWidth = 40;
		for (const entry of entries) {
			toc.add(
				doc.struct('TOCI', {}, [
					() => {
						const y = doc.y;
						doc.font('regular').fontSize(BODY + 1).fillColor('#000000');
						doc.text(String(entry.page), this.left + this.width - numberWidth, y, { width: numberWidth, align: 'right', lineBreak: false });
						doc.text(entry.title, this.left, y, { width: this.width - numberWidth - 8 });
						doc.y += 6;
					}
				])
			);
		}
		toc.end();
	}

	/** Every page but the title page: "Strona n z m", as an artifact. */
	private pageNumbers() {
		const range = this.doc.bufferedPageRange();
		for (let i = 1; i < range.count; i++) {
			this.doc.switchToPage(range.start + i);
			writeFooter(this.doc, this.words.page(i + 1, range.count), this.left, this.width, MARGIN - 16, true);
		}
	}

	// --- sections ------------------------------------------------------------------------

	private sectionBody(sect: StructElement, section: DraftSection) {
		switch (section.kind) {
			case 'diagnosis':
				return this.diagnosis(sect, section);
			case 'goals':
				return section.areas.forEach((area) => this.goalsArea(sect, area));
			case 'implementation':
				return this.indicators(sect, section);
			case 'participation':
				return this.participation(sect, section);
			case 'annexes':
				section.matrices.forEach((annex, index) => this.matrixAnnex(sect, annex, index + 1));
				return section.consultations?.forEach((annex, index) => this.consultationAnnex(sect, annex, section.matrices.length + index + 1));
			default:
				return;
		}
	}

	private diagnosis(sect: StructElement, section: DraftDiagnosisSection) {
		for (const area of section.areas) {
			this.heading(sect, 2, area.title || this.labels.noArea);
			for (const tree of area.problemTrees) this.tree(sect, tree);
			for (const cards of area.inactionCards) this.cards(sect, cards);
			for (const matrix of area.matrices) this.gaps(sect, matrix);
		}
	}

	/** The tree as a diagram (a Figure with its outline as /Alt), then as an indented list (core first, depth by indentation), with each box's evidence. */
	private tree(sect: StructElement, tree: DraftTree) {
		const labels = this.labels;
		const kind = tree.treeKind === 'objective' ? labels.objectiveTree : labels.problemTree;
		const roles = labels.treeRoles[tree.treeKind];
		const frame = { left: this.left, width: this.width, top: MARGINS.top, bottom: this.bottom, newPage: () => this.newPage() };
		drawTreeFigure(this.doc, sect, tree, labels, frame, () => this.heading(sect, 3, withKind(kind, tree.title)));
		this.list(
			sect,
			tree.boxes.map((box) => {
				const evidence = [box.evidence, box.evidenceSource ? `(${box.evidenceSource})` : ''].filter(Boolean).join(' ');
				return {
					label: `${roles[box.role]}:`,
					body: evidence ? `${box.text} — ${labels.evidence}: ${evidence}` : box.text,
					depth: box.depth,
					boldLabel: true
				};
			})
		);
	}

	private cards(sect: StructElement, block: DraftCardsBlock) {
		const labels = this.labels;
		const columns = labels.cardColumns;
		this.heading(sect, 3, withKind(labels.inactionCards, block.title));
		this.table(sect, {
			columns: [
				{ header: columns.area, width: 2 },
				{ header: columns.text, width: 4 },
				{ header: columns.bearers, width: 2 },
				{ header: columns.cost, width: 3 },
				{ header: columns.horizon, width: 1.5 }
			],
			rows: cardRows(block, labels),
			fontSize: 9
		});
		this.paragraph(sect, `${labels.yearlyCostTotal}: ${formatPln(block.summary.total)}`, { bold: true });
		const without = block.summary.withoutEstimate + block.summary.unparsable;
		if (without > 0) this.paragraph(sect, `${labels.cardsWithoutEstimate}: ${without}`);
	}

	private gaps(sect: StructElement, block: DraftMatrixBlock) {
		const labels = this.labels;
		const columns = labels.gapColumns;
		this.heading(sect, 3, `${labels.largestGaps}: ${block.title}`);
		this.table(sect, {
			columns: [
				{ header: columns.group, width: 3 },
				{ header: columns.service, width: 3 },
				{ header: columns.column, width: 3 },
				{ header: columns.gap, width: 2 },
				{ header: columns.priority, width: 1.5, align: 'right' }
			],
			rows: block.largestGaps.map((gap) => [gap.group, gap.service, gap.column, labels.gaps[gap.gap], gap.priority === null ? '' : String(gap.priority)]),
			fontSize: 9
		});
		this.paragraph(sect, labels.fullMatrixInAnnex, { color: MUTED, size: SMALL + 0.5 });
	}

	/** One goals board in seed 000's structure: goals, "Kierunki działań", "Podmioty zaangażowane". */
	private goalsArea(sect: StructElement, area: DraftGoalsArea) {
		const labels = this.labels;
		this.heading(sect, 2, area.number ? `${labels.area} ${area.number}. ${area.title}` : area.title);
		for (const goal of area.strategic) {
			this.keepRoom(60);
			this.paragraph(sect, `${labels.strategicGoal}: ${goal.number}. ${goal.text}${footnoteRefs(goal.footnoteRefs)}`, { bold: true });
			this.sources(sect, goal.sources);
			if (goal.specific.length > 0) {
				this.label(sect, labels.specificGoals);
				this.list(
					sect,
					goal.specific.map((specific) => ({ label: `${specific.number}.`, body: `${specific.text}${footnoteRefs(specific.footnoteRefs)}` }))
				);
				for (const specific of goal.specific) {
					if (specific.sources.length > 0) this.sources(sect, specific.sources, `${specific.number}. `);
				}
			}
			if (goal.actions.length > 0) {
				this.label(sect, labels.actionDirections);
				this.actionsTable(sect, goal.actions, area.footnoteRefs);
				for (const action of goal.actions) {
					if (action.sources.length > 0) this.sources(sect, action.sources, `${labels.action(action.number)}: `);
				}
			}
		}
		this.label(sect, labels.involvedEntities);
		const entities = [...area.entities, ...(area.entitiesNote.trim() ? [area.entitiesNote] : [])].map((entity) => ({ label: '•', body: entity }));
		for (const goal of area.strategic) {
			for (const action of goal.actions) {
				if (!action.inheritsEntities) entities.push({ label: '•', body: `${labels.action(action.number)}: ${action.entities.join(', ')}` });
			}
		}
		if (entities.length > 0) this.list(sect, entities);
	}

	/** Lp. / Opis działania / Harmonogram realizacji / Wskaźnik realizacji działania, as in seed 000. */
	private actionsTable(sect: StructElement, actions: readonly DraftAction[], indicatorNotes: readonly number[]) {
		const columns = this.labels.actionColumns;
		this.table(sect, {
			columns: [
				{ header: columns.number, width: 0.8 },
				{ header: columns.description, width: 5 },
				{ header: columns.timeframe, width: 2.3 },
				{ header: `${columns.indicator}${footnoteRefs(indicatorNotes)}`, width: 3.5 }
			],
			rows: actions.map((action) => [
				`${action.number}.`,
				`${action.text}${footnoteRefs(action.footnoteRefs)}`,
				action.timeframe,
				action.indicators.map((indicator) => indicator.name).join('\n\n')
			]),
			fontSize: 9
		});
	}

	private sources(sect: StructElement, sources: readonly DraftSource[], prefix = '') {
		if (!this.withSources || sources.length === 0) return;
		this.paragraph(sect, `${prefix}${this.labels.sources}: ${sources.map((source) => source.label).join('; ')}`, { color: MUTED, size: SMALL });
	}

	private indicators(sect: StructElement, section: DraftImplementationSection) {
		if (section.indicators.length === 0) return;
		const labels = this.labels;
		const columns = labels.indicatorColumns;
		this.heading(sect, 2, labels.indicatorList);
		this.table(sect, {
			columns: [
				{ header: columns.action, width: 1.7 },
				{ header: columns.name, width: 5 },
				{ header: columns.unit, width: 1.9 },
				{ header: columns.baseline, width: 1.6 },
				{ header: columns.target, width: 1.7 },
				{ header: columns.source, width: 1.7 }
			],
			rows: indicatorRows(section, labels),
			fontSize: 8.5
		});
	}

	private participation(sect: StructElement, section: DraftParticipationSection) {
		const labels = this.labels;
		if (section.workshops.length > 0) {
			const columns = labels.workshopColumns;
			this.heading(sect, 2, labels.workshopsHeld);
			this.table(sect, {
				columns: [
					{ header: columns.title, width: 5 },
					{ header: columns.date, width: 2 },
					{ header: columns.participants, width: 2, align: 'right' }
				],
				rows: section.workshops.map((w) => [w.title, w.date, String(w.participants)])
			});
		}
		this.paragraph(sect, `${labels.participantsTotal}: ${section.participants}`, { bold: true });
		const counts = labels.countColumns;
		const countTable = (header: string, rows: string[][]) =>
			this.table(sect, { columns: [{ header, width: 5 }, { header: counts.count, width: 2, align: 'right' }], rows });
		if (section.bySector.length > 0) {
			this.heading(sect, 2, labels.bySector);
			countTable(counts.sector, section.bySector.map((c) => [isSector(c.key) ? labels.sectors[c.key] : c.key, String(c.count)]));
		}
		if (section.byInstitution.length > 0) {
			this.heading(sect, 2, labels.byInstitution);
			countTable(counts.institution, section.byInstitution.map((c) => [c.key, String(c.count)]));
		}
		if (section.byGender) {
			const g = labels.byGender;
			this.heading(sect, 2, g.title);
			this.table(sect, {
				columns: [g.women, g.men, g.notGiven].map((header) => ({ header, width: 1, align: 'right' as const })),
				rows: [[String(section.byGender.women), String(section.byGender.men), String(section.byGender.notGiven)]]
			});
		}
	}

	/** The full matrix: a bold line per group, then its services, one gap label per column. */
	private matrixAnnex(sect: StructElement, annex: DraftMatrixAnnex, number: number) {
		const labels = this.labels;
		const wide = annex.columns.length + 1 > PORTRAIT_COLUMNS_MAX;
		if (wide) this.newPage('landscape');
		this.heading(sect, 2, `${labels.annex(number)}. ${labels.matrixAnnex}: ${annex.title}`);
		const rows: string[][] = [];
		const groupRows = new Set<number>();
		for (const group of annex.groups) {
			groupRows.add(rows.length);
			rows.push([group.name, ...annex.columns.map(() => '')]);
			for (const row of group.rows) rows.push([row.name, ...row.gaps.map((gap) => labels.gaps[gap])]);
		}
		this.table(sect, {
			columns: [{ header: labels.gapColumns.service, width: 3 }, ...annex.columns.map((column) => ({ header: column.name, width: 1.5 }))],
			rows,
			groupRows,
			fontSize: annex.columns.length > 12 ? 6.5 : 8.5
		});
	}

	/** A consultation report on landscape pages: its remarks table has nine columns. */
	private consultationAnnex(sect: StructElement, annex: DraftConsultationAnnex, number: number) {
		this.newPage('landscape');
		this.heading(sect, 2, consultationAnnexHeading(annex, number, this.labels.annex));
		drawConsultationReportBody(
			{
				heading: (level, value) => this.heading(sect, level, value),
				paragraph: (value, options) => this.paragraph(sect, value, options?.muted ? { color: MUTED } : {}),
				table: (block) => this.table(sect, block)
			},
			annex.report,
			3
		);
	}
}

function draftDate(draft: StrategyDraft): Date {
	const date = new Date(`${draft.titlePage.date}T12:00:00Z`);
	return Number.isNaN(date.getTime()) ? new Date(0) : date;
}

const SUPERSCRIPT_DIGITS = '⁰¹²³⁴⁵⁶⁷⁸⁹';

/** Footnote markers as superscript digits: "¹", "²˒³". */
function footnoteRefs(refs: readonly number[]): string {
	return refs.map((n) => [...String(n)].map((digit) => SUPERSCRIPT_DIGITS[Number(digit)]).join('')).join('˒');
}

