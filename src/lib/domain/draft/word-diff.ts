/**
 * A word-level diff for comparing draft versions: Myers' O(ND) algorithm over words and the
 * whitespace between them, after stripping the common head and tail. Consecutive versions of a
 * strategy differ in a few places, so D stays small; beyond MAX_EDITS (a rewritten section)
 * the text is shown as removed and added whole rather than spending memory on a finer answer.
 */
export interface WordPart {
	op: 'same' | 'added' | 'removed';
	text: string;
}

const MAX_EDITS = 2000;

export function diffWords(before: string, after: string): WordPart[] {
	const a = tokens(before);
	const b = tokens(after);
	let head = 0;
	while (head < a.length && head < b.length && a[head] === b[head]) head++;
	let tail = 0;
	while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
	const middleA = a.slice(head, a.length - tail);
	const middleB = b.slice(head, b.length - tail);
	const middle = myers(middleA, middleB) ?? [
		...middleA.map((text) => ({ op: 'removed' as const, text })),
		...middleB.map((text) => ({ op: 'added' as const, text }))
	];
	const parts: WordPart[] = [
		...a.slice(0, head).map((text) => ({ op: 'same' as const, text })),
		...middle,
		...a.slice(a.length - tail).map((text) => ({ op: 'same' as const, text }))
	];
	return merge(parts);
}

function tokens(text: string): string[] {
	return text.split(/(\s+|[.,;:!?()\[\]„”"«»–—])/u).filter((token) => token !== '');
}

/** Edit script from a to b, or null when it needs more than MAX_EDITS insertions and deletions. */
function myers(a: readonly string[], b: readonly string[]): WordPart[] | null {
	const n = a.length;
	const m = b.length;
	const max = Math.min(n + m, MAX_EDITS);
	const offset = n + m + 1;
	const v = new Int32Array(2 * offset + 1);
	// trace[d] holds v for k in [-d-1, d+1] as it was when step d began.
	const trace: Int32Array[] = [];
	for (let d = 0; d <= max; d++) {
		trace.push(v.slice(offset - d - 1, offset + d + 2));
		for (let k = -d; k <= d; k += 2) {
			let x = k === -d || (k !== d && v[offset + k - 1] < v[offset + k + 1]) ? v[offset + k + 1] : v[offset + k - 1] + 1;
			let y = x - k;
			while (x < n && y < m && a[x] === b[y]) {
				x++;
				y++;
			}
			v[offset + k] = x;
			if (x >= n && y >= m) return backtrack(trace, a, b);
		}
	}
	return null;
}

function backtrack(trace: Int32Array[], a: readonly string[], b: readonly string[]): WordPart[] {
	const out: WordPart[] = [];
	let x = a.length;
	let y = b.length;
	for (let d = trace.length - 1; d >= 0; d--) {
		const v = trace[d];
		const at = (k: number) => v[k + d + 1];
		const k = x - y;
		const prevK = k === -d || (k !== d && at(k - 1) < at(k + 1)) ? k + 1 : k - 1;
		const prevX = d === 0 ? 0 : at(prevK);
		const prevY = d === 0 ? 0 : prevX - prevK;
		while (x > prevX && y > prevY) {
			y--;
			out.push({ op: 'same', text: a[--x] });
		}
		if (d > 0) {
			if (x === prevX) out.push({ op: 'added', text: b[--y] });
			else out.push({ op: 'removed', text: a[--x] });
		}
		x = prevX;
		y = prevY;
	}
	return out.reverse();
}

function merge(parts: WordPart[]): WordPart[] {
	const out: WordPart[] = [];
	for (const part of parts) {
		const last = out[out.length - 1];
		if (last && last.op === part.op) last.text += part.text;
		else out.push({ ...part });
	}
	return out;
}
