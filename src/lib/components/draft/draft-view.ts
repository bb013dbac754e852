/** Anchors of the preview: every stable id of the model becomes an element id, prefixed so it cannot clash with the page's own. */
export function anchorId(stableId: string): string {
	return `draft-${stableId}`;
}

export function footnoteAnchor(number: number): string {
	return `draft-fn-${number}`;
}

/** Boxes of a tree outline by their parent's id (null for the core), for a nested list. */
export function childrenByParent<T extends { parentId: string | null }>(boxes: readonly T[]): Map<string | null, T[]> {
	const byParent = new Map<string | null, T[]>();
	for (const box of boxes) {
		const siblings = byParent.get(box.parentId);
		if (siblings) siblings.push(box);
		else byParent.set(box.parentId, [box]);
	}
	return byParent;
}

/** "Drzewo problemów: przemoc", unless the board's title already says what it is. */
export function withKind(kind: string, title: string): string {
	return title.toLocaleLowerCase('pl').includes(kind.toLocaleLowerCase('pl')) ? title : `${kind}: ${title}`;
}
