/** The little of fontkit (installed with pdfkit, which embeds fonts with it) that the diagram export uses. */
declare module 'fontkit' {
	export interface Glyph {
		id: number;
		advanceWidth: number;
		path: { toSVG(): string };
	}
	export interface Font {
		unitsPerEm: number;
		glyphForCodePoint(codePoint: number): Glyph;
	}
	export function openSync(path: string): Font;
}
