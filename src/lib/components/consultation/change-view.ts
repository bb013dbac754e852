import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import type { ChangeGroup, ChangeTodoRemark } from '$lib/domain/consultation/change-todo';

export type ChangeState = 'open' | 'done' | 'in-version';

export function changeState(remark: ChangeTodoRemark): ChangeState {
	if (remark.answeredInVersion !== null) return 'in-version';
	return remark.changeDoneAt !== null ? 'done' : 'open';
}

export function statusLabel(status: 'accepted' | 'partly'): string {
	return status === 'accepted' ? m.cchange_status_accepted() : m.cchange_status_partly();
}

export function groupTitle(group: ChangeGroup): string {
	if (group.boardId) return m.cchange_group_board({ title: group.title });
	return group.title ? m.cchange_group_section({ title: group.title }) : m.cchange_group_other();
}

/** "3 uwagi z konsultacji dotyczą tej tablicy": Polish needs the plural category (1 uwaga, 3 uwagi, 5 uwag). */
export function boardNoticeText(count: number): string {
	const form = new Intl.PluralRules(getLocale()).select(count);
	const message = form === 'one' ? m.cchange_board_notice_one : form === 'few' ? m.cchange_board_notice_few : m.cchange_board_notice_many;
	return message({ count });
}

export function countStates(groups: readonly ChangeGroup[]): Record<ChangeState, number> {
	const counts: Record<ChangeState, number> = { open: 0, done: 0, 'in-version': 0 };
	for (const group of groups) for (const remark of group.remarks) counts[changeState(remark)] += 1;
	return counts;
}
