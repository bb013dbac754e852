import type PDFDocument from 'pdfkit';
import type { DraftLabels } from '../domain/draft/labels';
import type { DraftTree } from '../domain/draft/model';
import { renderTreeImages } from './tree-image';

type Doc = InstanceType<typeof PDFDocument>;
type StructElement = ReturnType<Doc['struct']>;

/** Where the figure may go on the current page, and how to start the next one. */
export interface PdfFigureBox {
	left: number;
	width: number;
	top: number;
	bottom: number;
	newPage: () => void;
}

/** Room a level-3 heading takes above the first figure, to keep the two on one page. */
const HEADING_ROOM = 40;

/**
 * The tree's heading, then its diagram as tagged Figures (one per part of a large tree): each PNG
 * centred, at most the text's width and most of a page's height, on a new page when it does not
 * fit below (the heading goes along with the first), with its outline as /Alt and its place as
 * the Layout BBox (what PDF/UA asks of a figure).
 */
export function drawTreeFigure(doc: Doc, parent: StructElement, tree: DraftTree, labels: DraftLabels, box: PdfFigureBox, heading: () => void): void {
	const images = renderTreeImages(tree, labels, { maxWidthPt: box.width, maxHeightPt: (box.bottom - box.top) * 0.8 });
	if (images.length > 0 && doc.y + HEADING_ROOM + images[0].heightPt + 14 > box.bottom) box.newPage();
	heading();
	for (const image of images) {
		if (doc.y + image.heightPt + 14 > box.bottom) box.newPage();
		const x = box.left + (box.width - image.widthPt) / 2;
		const y = doc.y + 4;
		// pdfkit writes bbox and placement as the element's Layout attributes; its type definitions lag behind.
		const figure = { alt: image.alt, bbox: [x, y, x + image.widthPt, y + image.heightPt], placement: 'Block' };
		parent.add(
			doc.struct('Figure', figure, [
				() => {
					doc.image(Buffer.from(image.png), x, y, { width: image.widthPt, height: image.heightPt });
				}
			])
		);
		doc.x = box.left;
		doc.y = y + image.heightPt + 10;
	}
}
