/** Saves a text or blob as a file the browser downloads. */
export function downloadBlob(blob: Blob, fileName: string) {
	const url = URL.createObjectURL(blob);
	const link = document.createElement('a');
	link.href = url;
	link.download = fileName;
	document.body.append(link);
	link.click();
	link.remove();
	// The download has started by the time the click returns; the URL can go after this turn.
	setTimeout(() => URL.revokeObjectURL(url), 0);
}

export function downloadSvg(svg: string, fileName: string) {
	downloadBlob(new Blob([svg], { type: 'image/svg+xml;charset=utf-8' }), fileName);
}

/**
 * Draws the SVG onto a canvas at `pixelRatio` times its size and downloads it as PNG: sharp
 * enough on a slide or a printed page. Browsers cap canvases (about 16k px a side, fewer
 * megapixels on some), so a huge tree is drawn at a lower ratio rather than failing.
 */
export async function downloadPng(svg: string, fileName: string, pixelRatio = 2) {
	const image = new Image();
	const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml;charset=utf-8' }));
	try {
		image.src = url;
		await image.decode();
		const largest = Math.max(image.naturalWidth, image.naturalHeight);
		const ratio = Math.min(pixelRatio, 16000 / largest, Math.sqrt(120e6 / (image.naturalWidth * image.naturalHeight)));
		const canvas = document.createElement('canvas');
		canvas.width = Math.max(1, Math.round(image.naturalWidth * ratio));
		canvas.height = Math.max(1, Math.round(image.naturalHeight * ratio));
		const context = canvas.getContext('2d');
		if (!context) throw new Error('no 2d canvas');
		context.scale(ratio, ratio);
		context.drawImage(image, 0, 0);
		const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
		if (!blob) throw new Error('the canvas gave no PNG');
		downloadBlob(blob, fileName);
	} finally {
		URL.revokeObjectURL(url);
	}
}

/** A file name from a board title: letters (Polish ones too), digits and dashes. */
export function exportFileName(title: string, extension: 'svg' | 'png'): string {
	const base = title
		.normalize('NFC')
		.toLowerCase()
		.replace(/[^\p{L}\p{N}]+/gu, '-')
		.replace(/^-+|-+$/g, '')
		.slice(0, 80);
	return `${base || 'drzewo'}.${extension}`;
}
