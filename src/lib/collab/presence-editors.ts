import type { BoardPresence } from './presence.svelte';

/** Someone else editing a piece of a board right now, in their marker colour. */
export interface PresentEditor {
	name: string;
	color?: string;
}

/** The presence list's markers (3:1 against white), so a person has the same colour there and on what they edit. */
const EDITOR_COLORS = ['#0b5cad', '#b42318', '#1a7f37', '#8a5a00', '#6e40c9', '#0e7490', '#a3256b', '#4b5563'];

/**
 * Others (not this tab) whose awareness `field` names `id` as what they are editing, once per
 * name (two tabs of one person show once). Only the server-stamped `user` names them.
 */
export function editorsOf(presence: BoardPresence, field: string, id: string): PresentEditor[] {
	const users = presence.othersField('user');
	const editors: PresentEditor[] = [];
	const seen = new Set<string>();
	for (const [clientId, value] of presence.othersField(field)) {
		if (value !== id) continue;
		const name = readUserName(users.get(clientId));
		if (name === null || seen.has(name)) continue;
		seen.add(name);
		editors.push({ name, color: editorColor(name) });
	}
	return editors;
}

/** Same name, same color on every screen, without coordinating. */
export function editorColor(name: string): string {
	let hash = 0;
	for (const char of name) hash = (hash * 31 + char.codePointAt(0)!) >>> 0;
	return EDITOR_COLORS[hash % EDITOR_COLORS.length];
}

function readUserName(value: unknown): string | null {
	if (!value || typeof value !== 'object') return null;
	const name = (value as Record<string, unknown>).name;
	return typeof name === 'string' && name.trim() ? name.trim().slice(0, 80) : null;
}
