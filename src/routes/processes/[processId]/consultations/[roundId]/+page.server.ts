import { fail } from '@sveltejs/kit';
import type { z } from 'zod';
import {
	answerRemarks,
	answerSchema,
	assignRemarks,
	assignSchema,
	createAnswerTemplate,
	deleteAnswerTemplate,
	listAnswerTemplates,
	mergeRemarks,
	mergeSchema,
	templateSchema,
	unmergeRemark,
	type ChangeResult
} from '$lib/server/consultation/answers';
import { loadRoundRemarks } from '$lib/server/consultation/remark-rows';
import { loadRoundReport } from '$lib/server/consultation/round-report';
import { requireConsultationRound } from '$lib/server/consultation/round-guard';
import { fieldErrors } from '$lib/server/process-forms';
import { listMembers } from '$lib/server/processes';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url, params, depends }) => {
	// The live stream invalidates this when a co-facilitator or a respondent changes something.
	depends('consultation:round');
	const { user, process, round } = await requireConsultationRound(locals, url, params.processId, params.roundId);
	const db = locals.context.db;
	const [remarks, members, templates, report] = await Promise.all([
		loadRoundRemarks(db, round.id),
		listMembers(db, process.id),
		listAnswerTemplates(db, process.id),
		loadRoundReport(db, process.id, round.id, { anonymised: true, language: process.language })
	]);
	const { draft, ...details } = round;
	return {
		process,
		round: details,
		sections: draft.sections.map((section) => ({ id: section.id, title: section.title })),
		remarks,
		members: members.map((member) => ({ id: member.userId, name: member.name })),
		templates,
		// Only the counts: the rows go into the files.
		reportSummary: report && { byStatus: report.byStatus, bySector: report.bySector, totals: report.totals },
		me: user.id,
		origin: url.origin,
		now: Date.now()
	};
};

type Form = { form: string; remarkId?: string };

/** Parses the post, runs the change and answers in the shape the page reads (`form` says which form). */
async function change<S extends z.ZodType>(request: Request, form: string, schema: S, run: (input: z.output<S>) => Promise<ChangeResult>) {
	const data = await request.formData();
	const fields = { ...Object.fromEntries([...data.keys()].map((key) => [key, String(data.get(key))])), remarkIds: data.getAll('remarkId').map(String) };
	const meta: Form = { form, remarkId: fields.remarkIds.length === 1 && data.get('single') === '1' ? fields.remarkIds[0] : undefined };
	const parsed = schema.safeParse(fields);
	if (!parsed.success) return fail(400, { ...meta, errors: fieldErrors(parsed.error) });
	const result = await run(parsed.data);
	if (!result.ok) return fail(400, { ...meta, errors: { form: result.code } });
	return { ...meta, saved: true };
}

export const actions: Actions = {
	answer: async ({ locals, url, params, request }) => {
		const { user, round } = await requireConsultationRound(locals, url, params.processId, params.roundId);
		return change(request, 'answer', answerSchema, (input) => answerRemarks(locals.context.db, round.id, user.id, input));
	},
	assign: async ({ locals, url, params, request }) => {
		const { process, round } = await requireConsultationRound(locals, url, params.processId, params.roundId);
		return change(request, 'assign', assignSchema, (input) => assignRemarks(locals.context.db, process.id, round.id, input));
	},
	merge: async ({ locals, url, params, request }) => {
		const { round } = await requireConsultationRound(locals, url, params.processId, params.roundId);
		return change(request, 'merge', mergeSchema, (input) => mergeRemarks(locals.context.db, round.id, input));
	},
	unmerge: async ({ locals, url, params, request }) => {
		const { round } = await requireConsultationRound(locals, url, params.processId, params.roundId);
		return change(request, 'unmerge', mergeSchema.pick({ remarkIds: true }), (input) => unmergeRemark(locals.context.db, round.id, input.remarkIds[0]));
	},
	createTemplate: async ({ locals, url, params, request }) => {
		const { user, process } = await requireConsultationRound(locals, url, params.processId, params.roundId);
		return change(request, 'template', templateSchema, async (input) => {
			await createAnswerTemplate(locals.context.db, process.id, user.id, input);
			return { ok: true };
		});
	},
	deleteTemplate: async ({ locals, url, params, request }) => {
		const { process } = await requireConsultationRound(locals, url, params.processId, params.roundId);
		const data = await request.formData();
		const removed = await deleteAnswerTemplate(locals.context.db, process.id, String(data.get('templateId') ?? '').slice(0, 100));
		return removed ? { form: 'template', saved: true } : fail(400, { form: 'template', errors: { form: 'unknown_template' } });
	}
};
