import { flattenTree, type DerivedTree } from '../../src/lib/domain/problem-tree';

/** The derived tree as a string that is equal exactly when two replicas show the same tree. */
export function canonicalTree(tree: DerivedTree): string {
	return JSON.stringify(
		flattenTree(tree).map((box) => [box.id, box.parentId, box.depth, box.role, box.text, box.repaired, box.children.map((child) => child.id)])
	);
}
