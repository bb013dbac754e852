import {
	abilityLevelRule,
	accessRule,
	lackRule,
	mismatchRule,
	numberRule,
	shortageRule,
	waitingRule,
	UNRECOGNISED,
	type Rule,
	type Statement
} from './objective-wording-rules';
import { adjectiveRule, adverbRule, negationRule, trendRule } from './objective-wording-states';

/**
 * Turns a problem statement into the desired state a facilitator would accept as its objective
 * ("Niski poziom kompetencji wychowawczych rodziców" → "Rodzice mają wysokie kompetencje
 * wychowawcze"). Rule-based Polish: each rule knows one family of negative statements and the
 * few words it must inflect. When a rule cannot be sure of the grammar, or no rule knows the
 * statement ("Starzenie się społeczeństwa"), the statement is flagged and returned unchanged:
 * the group rephrases it, which is better than a wording that reads like a machine's guess.
 */
export type WordingHint = 'state-not-activity';

/**
 * - empty: nothing to turn around;
 * - compound-statement: punctuation suggests several statements or a sub-clause;
 * - no-negative-pattern: not a negative statement the rules know (trends, bare phenomena);
 * - unrecognised-phrase: the opening is known, the words after it are not.
 */
export type WordingFlagReason = 'empty' | 'compound-statement' | 'no-negative-pattern' | 'unrecognised-phrase';

export type WordingSuggestion =
	| { wording: 'suggested'; text: string; hint: WordingHint | null }
	| { wording: 'flagged'; text: string; reason: WordingFlagReason };

export function suggestObjectiveWording(problemText: string): WordingSuggestion {
	const flag = (reason: WordingFlagReason): WordingSuggestion => ({ wording: 'flagged', text: problemText, reason });
	const normalised = problemText.trim().replace(/\s+/g, ' ').replace(/[.!]+$/, '');
	if (normalised === '') return flag('empty');
	if (/[,;:()?!.]/.test(normalised)) return flag('compound-statement');
	const original = normalised.split(' ');
	const statement: Statement = { words: original.map((word) => word.toLowerCase()), original };
	for (const rule of RULES) {
		const result = rule(statement);
		if (result === null) continue;
		if (result === UNRECOGNISED) return flag('unrecognised-phrase');
		return { wording: 'suggested', text: result.text, hint: result.hint ?? null };
	}
	return flag('no-negative-pattern');
}

/** Most specific first: "Niski poziom kompetencji …" must reach the ability rule before the adjective rule. */
const RULES: Rule[] = [
	lackRule,
	shortageRule,
	numberRule,
	accessRule,
	waitingRule,
	abilityLevelRule,
	mismatchRule,
	trendRule,
	adverbRule,
	adjectiveRule,
	negationRule
];
