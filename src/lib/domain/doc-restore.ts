import * as Y from 'yjs';

/**
 * Bringing a board back to an earlier state without forking it.
 *
 * Yjs cannot rewind a document: every client holds the history and would merge it right back.
 * So a restore is a NEW change made on top of the current document: delete what was added since,
 * re-create what was deleted, reset what was edited. Every connected client merges it like any
 * other edit, and a client that edited concurrently converges with everyone else.
 *
 * This works for any board kind without knowing its schema: each top-level shared type is
 * compared with its earlier self. Nested maps are walked rather than replaced, so an untouched
 * note keeps its identity (a person typing in it keeps typing); text is changed only where it
 * differs; arrays whose content differs are replaced. Values that no longer exist are deep
 * clones of the earlier ones.
 */

type RootKind = 'map' | 'array' | 'text';

/**
 * The update that makes `current`'s content equal `earlier`'s, or null when they already match.
 * Neither argument is modified.
 */
export function computeRestoreUpdate(current: Y.Doc | Uint8Array, earlier: Y.Doc | Uint8Array): Uint8Array | null {
	const currentState = current instanceof Y.Doc ? Y.encodeStateAsUpdate(current) : current;
	const work = new Y.Doc();
	Y.applyUpdate(work, currentState);
	const taken = Y.decodeStateVector(Y.encodeStateVector(work));
	// The change must come from a client id nobody has used, or it would collide with theirs.
	while (taken.has(work.clientID)) work.clientID = Math.floor(Math.random() * 0xffffffff);
	const before = openState(earlier instanceof Y.Doc ? Y.encodeStateAsUpdate(earlier) : earlier);

	const updates: Uint8Array[] = [];
	work.on('update', (update: Uint8Array) => updates.push(update));
	work.transact(() => {
		const names = new Set([...before.share.keys(), ...work.share.keys()]);
		for (const name of [...names].sort()) {
			const kind = rootKind(before.share.get(name)) ?? rootKind(work.share.get(name));
			if (kind === 'map') restoreMap(work.getMap(name), before.getMap(name));
			else if (kind === 'array') restoreArray(work.getArray(name), before.getArray(name));
			else if (kind === 'text') restoreText(work.getText(name), before.getText(name));
		}
	});
	work.destroy();
	before.destroy();
	return updates.length === 0 ? null : Y.mergeUpdates(updates);
}

/** A document holding one stored state (a restore point), for reading or previewing. */
export function openState(state: Uint8Array): Y.Doc {
	const doc = new Y.Doc();
	Y.applyUpdate(doc, state);
	return doc;
}

/**
 * What a top-level type is. A document loaded from bytes does not know (the schema code that
 * would call getMap/getArray never ran on the server), so it is read from the content: keyed
 * entries make a map; string runs, formats and embeds make text; other sequence content an array.
 * Null when it holds nothing visible.
 */
function rootKind(type: Y.AbstractType<any> | undefined): RootKind | null {
	if (!type) return null;
	if (type instanceof Y.Map) return 'map';
	if (type instanceof Y.Array) return 'array';
	if (type instanceof Y.Text) return 'text';
	if (type instanceof Y.XmlFragment) return null; // no board kind uses XML; left untouched
	if (type._map.size > 0) return 'map';
	for (let item = type._start; item !== null; item = item.right) {
		const content = item.content;
		if (content instanceof Y.ContentDeleted) continue;
		if (content instanceof Y.ContentString || content instanceof Y.ContentFormat || content instanceof Y.ContentEmbed) return 'text';
		return 'array';
	}
	return null;
}

function restoreMap(target: Y.Map<unknown>, source: Y.Map<unknown>): void {
	for (const key of [...target.keys()]) if (!source.has(key)) target.delete(key);
	for (const [key, value] of source.entries()) {
		const present = target.get(key);
		if (value instanceof Y.Map && present instanceof Y.Map) restoreMap(present, value);
		else if (value instanceof Y.Text && present instanceof Y.Text) restoreText(present, value);
		else if (value instanceof Y.Array && present instanceof Y.Array) restoreArray(present, value);
		else if (!target.has(key) || !sameValue(present, value)) target.set(key, cloneValue(value));
	}
}

function restoreArray(target: Y.Array<unknown>, source: Y.Array<unknown>): void {
	if (sameValue(target.toJSON(), source.toJSON())) return;
	if (target.length > 0) target.delete(0, target.length);
	if (source.length > 0) target.insert(0, source.toArray().map(cloneValue));
}

/** Plain text changes only the span that differs; formatted text is replaced whole. */
function restoreText(target: Y.Text, source: Y.Text): void {
	const wanted = source.toDelta() as Array<{ insert: unknown; attributes?: unknown }>;
	const present = target.toDelta() as Array<{ insert: unknown; attributes?: unknown }>;
	const plain = (delta: typeof wanted) => delta.every((op) => typeof op.insert === 'string' && op.attributes === undefined);
	if (!plain(wanted) || !plain(present)) {
		if (sameValue(present, wanted)) return;
		if (target.length > 0) target.delete(0, target.length);
		target.applyDelta(wanted.map((op) => ({ ...op, insert: cloneValue(op.insert) })));
		return;
	}
	const from = target.toString();
	const to = source.toString();
	if (from === to) return;
	let start = 0;
	while (start < from.length && start < to.length && from[start] === to[start]) start++;
	let endFrom = from.length;
	let endTo = to.length;
	while (endFrom > start && endTo > start && from[endFrom - 1] === to[endTo - 1]) {
		endFrom--;
		endTo--;
	}
	if (endFrom > start) target.delete(start, endFrom - start);
	if (endTo > start) target.insert(start, to.slice(start, endTo));
}

/** A copy that can be inserted into another document; shared types are cloned deeply. */
function cloneValue(value: unknown): unknown {
	if (value instanceof Y.AbstractType) return (value as Y.AbstractType<unknown> & { clone(): unknown }).clone();
	if (value instanceof Uint8Array) return value.slice();
	return value;
}

function sameValue(a: unknown, b: unknown): boolean {
	if (a instanceof Y.AbstractType || b instanceof Y.AbstractType) return false;
	if (a === b) return true;
	if (a instanceof Uint8Array && b instanceof Uint8Array) return a.length === b.length && a.every((byte, i) => byte === b[i]);
	if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, i) => sameValue(item, b[i]));
	if (a && b && typeof a === 'object' && typeof b === 'object' && !Array.isArray(a) && !Array.isArray(b)) {
		const keysA = Object.keys(a);
		const keysB = Object.keys(b);
		return (
			keysA.length === keysB.length &&
			keysA.every((key) => key in b && sameValue((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]))
		);
	}
	return false;
}
