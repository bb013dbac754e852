import type { ConsultationRemark } from '$lib/domain/consultation/model';

/** The round page's filters; '' means "any". */
export interface RemarkFilter {
	/** A status, 'unanswered', or ''. */
	status: string;
	sectionId: string;
	/** A sector, 'anonymous' (no author given), or ''. */
	sector: string;
	/** A member's id, 'mine', 'unassigned', or ''. */
	assignee: string;
	text: string;
}

export const emptyFilter = (): RemarkFilter => ({ status: '', sectionId: '', sector: '', assignee: '', text: '' });

export function matchesFilter(remark: ConsultationRemark, filter: RemarkFilter, me: string): boolean {
	if (filter.status === 'unanswered' ? remark.status !== null : filter.status && remark.status !== filter.status) return false;
	if (filter.sectionId && remark.sectionId !== filter.sectionId) return false;
	if (filter.sector === 'anonymous' ? remark.author !== null : filter.sector && remark.author?.sector !== filter.sector) return false;
	const assignee = filter.assignee === 'mine' ? me : filter.assignee;
	if (filter.assignee === 'unassigned' ? remark.assignedTo !== null : assignee && remark.assignedTo !== assignee) return false;
	const needle = filter.text.trim().toLocaleLowerCase();
	if (needle) {
		const haystack = [remark.content, remark.proposedWording, remark.justification, remark.answer, remark.targetLabel, remark.author?.name ?? '', remark.author?.institution ?? '', `#${remark.number}`];
		if (!haystack.some((part) => part.toLocaleLowerCase().includes(needle))) return false;
	}
	return true;
}
