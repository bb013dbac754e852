/**
 * A minimal ZIP writer for the few small files an export needs (an .xlsx is a ZIP of XML parts).
 * Entries are stored, not compressed: the files are small, and leaving out DEFLATE keeps this
 * free of a dependency and identical in the browser and in Node. No ZIP64, so an archive must stay
 * under 4 GiB and 65 535 entries — far beyond any board.
 */
export interface ZipEntry {
	name: string;
	data: Uint8Array | string;
}

const CRC_TABLE = (() => {
	const table = new Uint32Array(256);
	for (let n = 0; n < 256; n++) {
		let c = n;
		for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
		table[n] = c >>> 0;
	}
	return table;
})();

export function crc32(data: Uint8Array): number {
	let crc = 0xffffffff;
	for (let i = 0; i < data.length; i++) crc = CRC_TABLE[(crc ^ data[i]) & 0xff] ^ (crc >>> 8);
	return (crc ^ 0xffffffff) >>> 0;
}

/** Bit 11: names are UTF-8, so Polish letters in a file name survive every unzipper. */
const UTF8_NAMES = 0x0800;
/** 1980-01-01 00:00 in MS-DOS format: a fixed time keeps the output reproducible. */
const DOS_DATE = (0 << 9) | (1 << 5) | 1;

export function zip(entries: readonly ZipEntry[]): Uint8Array<ArrayBuffer> {
	const encoder = new TextEncoder();
	const locals: Uint8Array[] = [];
	const centrals: Uint8Array[] = [];
	let offset = 0;
	for (const entry of entries) {
		const name = encoder.encode(entry.name);
		const data = typeof entry.data === 'string' ? encoder.encode(entry.data) : entry.data;
		const crc = crc32(data);
		const local = new Uint8Array(30 + name.length + data.length);
		const l = new DataView(local.buffer);
		l.setUint32(0, 0x04034b50, true);
		writeCommon(l, 4, crc, data.length, name.length);
		local.set(name, 30);
		local.set(data, 30 + name.length);

		const central = new Uint8Array(46 + name.length);
		const c = new DataView(central.buffer);
		c.setUint32(0, 0x02014b50, true);
		c.setUint16(4, 20, true); // made by: version 2.0
		writeCommon(c, 6, crc, data.length, name.length);
		// comment length, disk number, internal and external attributes stay 0
		c.setUint32(42, offset, true);
		central.set(name, 46);

		locals.push(local);
		centrals.push(central);
		offset += local.length;
	}
	const directorySize = centrals.reduce((sum, part) => sum + part.length, 0);
	const end = new Uint8Array(22);
	const e = new DataView(end.buffer);
	e.setUint32(0, 0x06054b50, true);
	e.setUint16(8, entries.length, true);
	e.setUint16(10, entries.length, true);
	e.setUint32(12, directorySize, true);
	e.setUint32(16, offset, true);
	return concat([...locals, ...centrals, end]);
}

/** The fields a local header and a central directory record share, from "version needed" on. */
function writeCommon(view: DataView, at: number, crc: number, size: number, nameLength: number) {
	view.setUint16(at, 20, true); // version needed to extract: 2.0
	view.setUint16(at + 2, UTF8_NAMES, true);
	view.setUint16(at + 4, 0, true); // method: stored
	view.setUint16(at + 6, 0, true); // time
	view.setUint16(at + 8, DOS_DATE, true);
	view.setUint32(at + 10, crc, true);
	view.setUint32(at + 14, size, true); // compressed size
	view.setUint32(at + 18, size, true); // uncompressed size
	view.setUint16(at + 22, nameLength, true);
}

function concat(parts: readonly Uint8Array[]): Uint8Array<ArrayBuffer> {
	const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
	let at = 0;
	for (const part of parts) {
		out.set(part, at);
		at += part.length;
	}
	return out;
}
