import { describe, expect, it } from 'vitest';
import { checkCompleteness } from '../../src/lib/domain/draft/completeness';
import { consolidateDraft } from '../../src/lib/domain/draft/consolidate';
import { draftToMarkdown } from '../../src/lib/domain/draft/markdown';
import { findSection } from '../../src/lib/domain/draft/model';
import { largeProcessInput } from './fixtures/draft-large-process';

describe('a large process (5 areas, 50 actions, 500 cards, a 60×20 matrix)', () => {
	it('consolidates and renders everything', () => {
		const draft = consolidateDraft(largeProcessInput());
		const goals = findSection(draft, 'goals')!;
		expect(goals.areas.flatMap((area) => area.strategic.flatMap((goal) => goal.actions))).toHaveLength(50);
		const diagnosis = findSection(draft, 'diagnosis')!;
		expect(diagnosis.areas).toHaveLength(5);
		expect(diagnosis.areas.flatMap((area) => area.inactionCards.flatMap((block) => block.cards))).toHaveLength(500);
		expect(diagnosis.areas[0].inactionCards[0].summary.total).toBe(5_050_000);
		const annex = findSection(draft, 'annexes')!.matrices[0];
		expect(annex.groups.flatMap((group) => group.rows)).toHaveLength(60);
		expect(annex.groups.every((group) => group.rows.every((row) => row.gaps.length === 20))).toBe(true);
		expect(findSection(draft, 'implementation')!.indicators).toHaveLength(100);
		expect(checkCompleteness(draft).filter((finding) => finding.code.startsWith('action'))).toEqual([]);

		const md = draftToMarkdown(draft);
		expect(md.match(/^\| \d+\. \| Działanie/gm)).toHaveLength(50);
		expect(md.match(/^\| Skutek zaniechania numer \d+ \\\| \\<b\\>/gm)).toBeNull();
		expect(md.match(/^\| obszar \d \| Skutek zaniechania numer \d+ \\\| \\<b\\>\d+\\<\/b\\> \|/gm)).toHaveLength(500);
	});
});
