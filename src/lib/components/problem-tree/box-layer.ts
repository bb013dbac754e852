import type { BoxLayout, DerivedTree, TreeBox, TreeLayout } from '$lib/domain/problem-tree';
import type { DiagramLabels } from './diagram-labels';
import './box-layer.css';

/** What the boxes show besides their own content: selection, drag and drop, who edits what. */
export interface BoxLayerView {
	selectedId: string | null;
	/** The one box Tab reaches (roving tabindex). */
	tabbableId: string | null;
	editingId: string | null;
	dropTargetId: string | null;
	draggedId: string | null;
	/** Boxes others are editing, with the first editor's colour. */
	editedBy: Map<string, string>;
	canEdit: boolean;
	labels: DiagramLabels;
	/** The open vote's dots per box where its results may be shown; null otherwise. */
	dots: Record<string, number> | null;
	dotsLabel: (count: number) => string;
}

interface DrawnBox {
	element: HTMLDivElement;
	/** What the content was built from; rebuilt only when this changes. */
	content: string;
}

const DETAILS_ICON = '<svg viewBox="0 0 16 16" aria-hidden="true"><path d="M2 14h12v1H2zM3 9h2v4H3zM7 5h2v8H7zM11 7h2v6h-2z"/></svg>';

/**
 * The diagram's boxes as plain DOM elements, kept per box id and patched in place. A tree of
 * 300 boxes must appear within 200 ms; mounting 300 components with their reactive bindings
 * took longer than that on a workshop laptop, while creating and patching elements takes a
 * few milliseconds. The interactive parts (tools of the selected box, the text being edited)
 * are Svelte, drawn over the one or two boxes that need them.
 */
export class BoxLayer {
	#container: HTMLElement;
	#drawn = new Map<string, DrawnBox>();

	constructor(container: HTMLElement) {
		this.#container = container;
	}

	update(layout: TreeLayout, tree: DerivedTree, view: BoxLayerView) {
		const seen = new Set<string>();
		for (const box of layout.boxes) {
			const node = tree.byId.get(box.id);
			if (!node) continue;
			seen.add(box.id);
			let drawn = this.#drawn.get(box.id);
			if (!drawn) {
				drawn = { element: createBoxElement(box.id), content: '' };
				this.#drawn.set(box.id, drawn);
				this.#container.append(drawn.element);
			}
			const { style } = drawn.element;
			style.left = `${box.x}px`;
			style.top = `${box.y}px`;
			style.width = `${box.width}px`;
			style.height = `${box.height}px`;
			const content = contentKey(box, node, view);
			if (content !== drawn.content) {
				fillBox(drawn.element, box, node, view);
				drawn.content = content;
			}
			showState(drawn.element, box, view);
		}
		for (const [id, drawn] of this.#drawn) {
			if (seen.has(id)) continue;
			drawn.element.remove();
			this.#drawn.delete(id);
		}
	}

	element(id: string): HTMLElement | null {
		return this.#drawn.get(id)?.element ?? null;
	}

	destroy() {
		for (const drawn of this.#drawn.values()) drawn.element.remove();
		this.#drawn.clear();
	}
}

function createBoxElement(id: string): HTMLDivElement {
	const element = document.createElement('div');
	element.dataset.boxId = id;
	element.dataset.testid = 'tree-box';
	element.setAttribute('role', 'group');
	element.setAttribute('aria-describedby', 'tree-diagram-help');
	return element;
}

function boxMarks(node: TreeBox, labels: DiagramLabels) {
	const marks: { text: string; hint: string }[] = [];
	if (node.repaired) marks.push(labels.repaired);
	if (node.objective?.wording === 'flagged') marks.push(labels.flagged);
	if (node.objective?.sourceMissing) marks.push(labels.sourceMissing);
	return marks;
}

function contentKey(box: BoxLayout, node: TreeBox, view: BoxLayerView): string {
	const marks = boxMarks(node, view.labels).map((mark) => mark.text);
	const dots = view.dots ? (view.dots[box.id] ?? 0) : '';
	return [view.labels.roles[box.role], box.role, node.text, box.lines.join('\n'), marks.join(','), Boolean(node.evidence || node.scale), view.canEdit, dots].join('\u0000');
}

function fillBox(element: HTMLDivElement, box: BoxLayout, node: TreeBox, view: BoxLayerView) {
	const { labels } = view;
	const empty = !node.text.trim();
	const marks = boxMarks(node, labels);
	const dotsText = view.dots ? `; ${view.dotsLabel(view.dots[box.id] ?? 0)}` : '';
	element.setAttribute('aria-label', `${labels.roles[box.role]}: ${empty ? labels.empty : node.text}${marks.map((mark) => `; ${mark.text}`).join('')}${dotsText}`);

	const labelRow = document.createElement('div');
	labelRow.className = 'label-row';
	labelRow.append(span('role', labels.roles[box.role]));
	if (node.evidence || node.scale) {
		const details = span('details', '');
		details.title = labels.hasDetails;
		details.innerHTML = DETAILS_ICON;
		labelRow.append(details);
	}
	for (const mark of marks) {
		const markElement = span('mark', `⚠ ${mark.text}`);
		markElement.title = mark.hint;
		labelRow.append(markElement);
	}
	if (view.dots) {
		const count = view.dots[box.id] ?? 0;
		const dots = span('dots', String(count));
		dots.title = view.dotsLabel(count);
		dots.dataset.testid = 'box-dots';
		labelRow.append(dots);
	}

	const text = document.createElement('p');
	if (empty) {
		text.className = 'text placeholder';
		text.textContent = box.role === 'core' ? labels.emptyCore : view.canEdit ? labels.emptyEditable : labels.empty;
	} else {
		// One text node with line breaks (white-space: pre): fewer elements for the browser to style and lay out.
		text.className = 'text';
		text.textContent = box.lines.join('\n');
	}
	element.replaceChildren(labelRow, text);
}

function showState(element: HTMLDivElement, box: BoxLayout, view: BoxLayerView) {
	const editor = view.editedBy.get(box.id);
	const selected = view.selectedId === box.id;
	element.className = [
		'tree-box',
		box.role,
		selected ? 'selected' : '',
		view.canEdit ? 'editable' : '',
		view.editingId === box.id ? 'editing' : '',
		view.dropTargetId === box.id ? 'drop-target' : '',
		view.draggedId === box.id ? 'dragged' : '',
		editor ? 'edited' : '',
		element.querySelector('.mark') ? 'marked' : ''
	]
		.filter(Boolean)
		.join(' ');
	element.tabIndex = view.tabbableId === box.id ? 0 : -1;
	if (selected) element.setAttribute('aria-current', 'true');
	else element.removeAttribute('aria-current');
	if (editor) element.style.setProperty('--editor', editor);
	else element.style.removeProperty('--editor');
}

function span(className: string, text: string): HTMLSpanElement {
	const element = document.createElement('span');
	element.className = className;
	element.textContent = text;
	return element;
}
