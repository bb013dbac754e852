import { ImportedXmlComponent, Paragraph, TextRun, type ParagraphChild } from 'docx';

/** Word's field instruction: headings 1–3, entries as links, no tab leaders of their own. */
const TOC_INSTRUCTION = 'TOC \\o "1-3" \\h \\z \\u';

/**
 * A table-of-contents field whose begin, instruction, separator and end each sit in a run of
 * their own. docx's TableOfContents puts the first three in one run: Word accepts that, but
 * LibreOffice then prints the instruction as text. The cached result lists the sections (Word
 * recomputes it with page numbers on opening, since the document asks to update fields).
 */
export function tocField(entries: readonly string[]): Paragraph[] {
	const titles = entries.length > 0 ? entries : [''];
	return titles.map(
		(title, index) =>
			new Paragraph({
				style: 'TOC1',
				children: [
					...(index === 0 ? [fieldChar('begin', true), instruction(TOC_INSTRUCTION), fieldChar('separate')] : []),
					new TextRun(title),
					...(index === titles.length - 1 ? [fieldChar('end')] : [])
				]
			})
	);
}

function fieldChar(type: 'begin' | 'separate' | 'end', dirty = false): ParagraphChild {
	const run = new ImportedXmlComponent('w:r');
	run.push(new ImportedXmlComponent('w:fldChar', dirty ? { 'w:fldCharType': type, 'w:dirty': 'true' } : { 'w:fldCharType': type }));
	return run as unknown as ParagraphChild;
}

function instruction(text: string): ParagraphChild {
	const run = new ImportedXmlComponent('w:r');
	const instr = new ImportedXmlComponent('w:instrText', { 'xml:space': 'preserve' });
	instr.push(text);
	run.push(instr);
	return run as unknown as ParagraphChild;
}
