import type { GoalItemType } from '$lib/domain/goals';
import { m } from '$lib/paraglide/messages';
import { itemHeading } from './goals-labels';
import type { OutlineRow } from './goals-outline-model';

/** "cel strategiczny", "cel szczegółowy", "działanie": for announcements. */
export function kindName(type: GoalItemType): string {
	return type === 'strategic' ? m.goals_kind_strategic() : type === 'specific' ? m.goals_kind_specific() : m.goals_kind_action();
}

/** The item's name as the strategy prints it: "Cel strategiczny 5", "Cel szczegółowy 5.1", "Działanie 3". */
export function itemLabel(row: Pick<OutlineRow, 'type' | 'item'>): string {
	return itemHeading(row.type, row.item.number);
}

/** "Nowy cel strategiczny", "Nowe działanie": the noun's gender decides the adjective. */
export function addLabel(type: GoalItemType): string {
	return type === 'strategic' ? m.goals_add_strategic() : type === 'specific' ? m.goals_add_specific() : m.goals_add_action();
}
