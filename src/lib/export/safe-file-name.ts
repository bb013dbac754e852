/** Letters NFKD leaves whole (they are not a base letter plus a combining mark). */
const FOLDED: Record<string, string> = { ł: 'l', Ł: 'L', đ: 'd', Đ: 'D', ø: 'o', Ø: 'O', ß: 'ss', æ: 'ae', Æ: 'AE', œ: 'oe', Œ: 'OE', ı: 'i' };

/** Names Windows refuses whatever the extension. */
const RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)$/;

/** Room for the version suffix and the extension inside common 255-byte name limits. */
export const FILE_NAME_BASE_MAX = 80;

/**
 * The download name of an export: the title folded to ASCII (Polish letters without their marks),
 * lower case, every run of other characters a single dash, then the version and the extension,
 * e.g. `projekt-strategii-powiat-piski-v2.docx`. Nothing of the title can act as a path (no
 * slash, backslash, dot or colon survives), and the name reads the same in every browser and OS.
 */
export function safeExportFileName(title: string, version: number | null, ext: string): string {
	const folded = title
		.replace(/[łŁđĐøØßæÆœŒı]/g, (letter) => FOLDED[letter])
		.normalize('NFKD')
		.replace(/\p{M}+/gu, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-');
	let base = folded.slice(0, FILE_NAME_BASE_MAX).replace(/^-+|-+$/g, '') || 'export';
	if (RESERVED.test(base)) base = `${base}-export`;
	const suffix = version === null || !Number.isSafeInteger(version) || version < 0 ? '' : `-v${version}`;
	const extension = ext.toLowerCase().replace(/[^a-z0-9]/g, '').slice(0, 10) || 'bin';
	return `${base}${suffix}.${extension}`;
}
