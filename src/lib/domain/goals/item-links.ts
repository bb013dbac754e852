import * as Y from 'yjs';

/**
 * What else justifies a goal or an action, besides the objective-tree box it may have come from
 * (sourceBoardId/sourceBoxId): a need/gap matrix cell ("rowId|columnId") or row, or a
 * cost-of-inaction card. Stored on the item as a Y.Array of "kind:boardId:targetId" strings and
 * changed one entry at a time, so two people linking different things at once both keep theirs.
 * Ids never contain ':' (board ids are UUIDs, matrix and card ids are [A-Za-z0-9_-], a cell key
 * adds '|'), so the string splits back unambiguously.
 */
export const ITEM_LINK_KINDS = ['matrix-cell', 'matrix-row', 'inaction-card'] as const;
export type ItemLinkKind = (typeof ITEM_LINK_KINDS)[number];

export interface ItemLink {
	kind: ItemLinkKind;
	boardId: string;
	targetId: string;
}

export const ITEM_LINKS_MAX = 30;
const LINK_ID = /^[A-Za-z0-9_|-]{1,201}$/;

export function encodeItemLink(link: ItemLink): string {
	return `${link.kind}:${link.boardId}:${link.targetId}`;
}

export function decodeItemLink(value: unknown): ItemLink | null {
	if (typeof value !== 'string') return null;
	const [kind, boardId, targetId, ...rest] = value.split(':');
	if (rest.length > 0 || !isItemLinkKind(kind) || !LINK_ID.test(boardId ?? '') || !LINK_ID.test(targetId ?? '')) return null;
	return { kind, boardId, targetId };
}

export function isItemLinkKind(value: unknown): value is ItemLinkKind {
	return typeof value === 'string' && (ITEM_LINK_KINDS as readonly string[]).includes(value);
}

/** Valid links of a stored item, each once, in the order they were added. */
export function readItemLinks(value: unknown): ItemLink[] {
	if (!(value instanceof Y.Array)) return [];
	const seen = new Set<string>();
	const links: ItemLink[] = [];
	for (const entry of value.toArray()) {
		const link = decodeItemLink(entry);
		if (!link || seen.has(entry as string)) continue;
		seen.add(entry as string);
		links.push(link);
		if (links.length === ITEM_LINKS_MAX) break;
	}
	return links;
}
