import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';

/** axe-core's serious and critical findings on the page (or the part `include` selects), as readable lines. */
export async function seriousViolations(page: Page, include?: string): Promise<string[]> {
	let builder = new AxeBuilder({ page: page as never });
	if (include) builder = builder.include(include);
	const result = await builder.analyze();
	return result.violations
		.filter((v) => v.impact === 'serious' || v.impact === 'critical')
		.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`);
}
