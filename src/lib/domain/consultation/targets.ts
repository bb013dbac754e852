import type { DraftLanguage, StrategyDraft } from '../draft/model';
import { remarkTargetIds, type RemarkTargetKind } from './model';

/**
 * What a respondent may comment on in a round's draft version: every section, every paragraph
 * of a section and every action of the goals chapter. The server resolves a posted target id
 * through this list, so a made-up id is refused and the stored label is the server's, never
 * the client's.
 */
export interface RemarkTarget {
	id: string;
	kind: RemarkTargetKind;
	sectionId: string;
	/** In the draft's language: "Rozdział: Cele…", "Akapit 2", "Cel 5.1, działanie 3: …". */
	label: string;
}

const WORDS: Record<DraftLanguage, { chapter: string; paragraph: string; goal: string; action: string }> = {
	pl: { chapter: 'Rozdział', paragraph: 'Akapit', goal: 'Cel', action: 'działanie' },
	en: { chapter: 'Chapter', paragraph: 'Paragraph', goal: 'Goal', action: 'action' }
};

/** How much of an action's text its label quotes. */
const EXCERPT_CHARS = 60;

export function remarkTargets(draft: StrategyDraft): RemarkTarget[] {
	const words = WORDS[draft.language] ?? WORDS.pl;
	const targets: RemarkTarget[] = [];
	for (const section of draft.sections) {
		targets.push({ id: remarkTargetIds.section(section.id), kind: 'section', sectionId: section.id, label: `${words.chapter}: ${section.title}` });
		section.paragraphs.forEach((_, index) => {
			targets.push({ id: remarkTargetIds.paragraph(section.id, index), kind: 'paragraph', sectionId: section.id, label: `${words.paragraph} ${index + 1}` });
		});
		if (section.kind !== 'goals') continue;
		for (const area of section.areas) {
			const goalNumbers = new Map<string, string>();
			for (const goal of area.strategic) {
				goalNumbers.set(goal.id, goal.number);
				for (const specific of goal.specific) goalNumbers.set(specific.id, specific.number);
			}
			for (const action of area.strategic.flatMap((goal) => goal.actions)) {
				const goal = goalNumbers.get(action.goalId);
				const head = goal ? `${words.goal} ${goal}, ${words.action} ${action.number}` : `${capitalize(words.action)} ${action.number}`;
				const excerpt = excerptOf(action.text);
				targets.push({ id: remarkTargetIds.action(action.id), kind: 'action', sectionId: section.id, label: excerpt ? `${head}: ${excerpt}` : head });
			}
		}
	}
	return targets;
}

/** The target a posted id names, or null when the draft has no such thing. */
export function findRemarkTarget(draft: StrategyDraft, id: string): RemarkTarget | null {
	return remarkTargets(draft).find((target) => target.id === id) ?? null;
}

/** The start of a text on one line, cut at a word where possible. */
export function excerptOf(text: string, max = EXCERPT_CHARS): string {
	const line = text.replace(/\s+/g, ' ').trim();
	if (line.length <= max) return line;
	const cut = line.slice(0, max);
	const lastSpace = cut.lastIndexOf(' ');
	return `${(lastSpace > max / 2 ? cut.slice(0, lastSpace) : cut).replace(/[\s,.;:–-]+$/, '')}…`;
}

function capitalize(word: string): string {
	return word.charAt(0).toLocaleUpperCase() + word.slice(1);
}
