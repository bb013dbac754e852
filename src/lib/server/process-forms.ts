import { z } from 'zod';
import { BOARD_KINDS } from '../domain/boards/registry';
import { DRAFT_LANGUAGES } from '../domain/draft/model';
import { SECTORS } from '../domain/sectors';
import { wallClockToUtc } from '../domain/workshop-time';

/**
 * Form schemas of the process, board, workshop and join pages. Error messages are codes
 * (`required`, `too_long`, …); the pages translate them next to each field.
 */

const text = (max: number) => z.string('required').trim().min(1, 'required').max(max, 'too_long');
const year = z.coerce.number('year').int('year').min(2000, 'year_range').max(2100, 'year_range');

/** The documents' language; a form without the field (or an empty choice) means Polish. */
export const documentLanguage = z.preprocess((value) => (value === '' || value === undefined ? 'pl' : value), z.enum(DRAFT_LANGUAGES, 'language'));

export const processSchema = z
	.object({ title: text(200), territory: text(200), periodFrom: year, periodTo: year, language: documentLanguage })
	.refine((p) => p.periodFrom <= p.periodTo, { path: ['periodTo'], message: 'period_order' });

export const boardSchema = z.object({
	kind: z.enum(BOARD_KINDS, 'kind'),
	title: text(200),
	area: z
		.string()
		.trim()
		.max(200, 'too_long')
		.optional()
		.transform((a) => a || null)
});

/** A datetime-local value read as Warsaw's wall clock, to Unix milliseconds; error codes as the other fields. */
export const wallClock = z
	.string('required')
	.min(1, 'required')
	.transform((value, ctx) => {
		const ms = wallClockToUtc(value);
		if (ms === null) {
			ctx.addIssue({ code: 'custom', message: 'datetime' });
			return z.NEVER;
		}
		return ms;
	});

export const workshopSchema = z
	.object({
		title: text(200),
		startsAt: wallClock,
		endsAt: wallClock,
		boardIds: z.array(z.string().max(100)).max(50)
	})
	.refine((w) => w.endsAt > w.startsAt, { path: ['endsAt'], message: 'end_before_start' })
	.refine((w) => w.endsAt - w.startsAt <= 7 * 24 * 3600_000, { path: ['endsAt'], message: 'too_long_span' });

export const facilitatorSchema = z.object({ email: text(254).pipe(z.email('email')) });

export const joinSchema = z.object({
	displayName: text(60),
	institution: text(120),
	sector: z.enum(SECTORS, 'sector'),
	// Optional, only for the summary's women/men counts: empty means "prefer not to say".
	gender: z
		.enum(['', 'woman', 'man'], 'gender')
		.optional()
		.transform((g) => (g ? g : null))
});

/** First error code per field, as the pages show them. */
export function fieldErrors(error: z.ZodError): Record<string, string> {
	const errors: Record<string, string> = {};
	for (const issue of error.issues) {
		const field = String(issue.path[0] ?? 'form');
		errors[field] ??= issue.message;
	}
	return errors;
}

/** Text values to put back into the form after an error (never passwords; there are none here). */
export function formValues(data: FormData, fields: string[]): Record<string, string> {
	return Object.fromEntries(fields.map((f) => [f, String(data.get(f) ?? '')]));
}
