import type { Kysely, Selectable } from 'kysely';
import { isSector } from '../../domain/sectors';
import type { ConsultationRemark } from '../../domain/consultation/model';
import type { ConsultationRemarkTable, Database } from '../db/schema';

/**
 * Every remark of a round as the facilitators' list and the report read it, in number order.
 * The author is left out of a remark its respondent chose not to sign.
 */
export async function loadRoundRemarks(db: Kysely<Database>, roundId: string): Promise<ConsultationRemark[]> {
	const rows = await db
		.selectFrom('consultation_remarks')
		.innerJoin('consultation_respondents', 'consultation_respondents.id', 'consultation_remarks.respondent_id')
		.selectAll('consultation_remarks')
		.select(['consultation_respondents.name as author_name', 'consultation_respondents.institution as author_institution', 'consultation_respondents.sector as author_sector'])
		.where('consultation_remarks.round_id', '=', roundId)
		.orderBy('consultation_remarks.number')
		.execute();
	return rows.map((row) => toConsultationRemark(row, { name: row.author_name, institution: row.author_institution, sector: row.author_sector }));
}

export function toConsultationRemark(
	row: Selectable<ConsultationRemarkTable>,
	author: { name: string; institution: string; sector: string | null }
): ConsultationRemark {
	return {
		id: row.id,
		number: row.number,
		sectionId: row.section_id,
		targetKind: row.target_kind,
		targetId: row.target_id,
		targetLabel: row.target_label,
		content: row.content,
		proposedWording: row.proposed_wording,
		justification: row.justification,
		author: row.anonymous === 1 ? null : { name: author.name, institution: author.institution, sector: isSector(author.sector) ? author.sector : null },
		createdAt: row.created_at,
		status: row.status,
		answer: row.answer,
		duplicateOf: row.duplicate_of,
		assignedTo: row.assigned_to,
		changeNote: row.change_note,
		changeTargetId: row.change_target_id,
		changeDoneAt: row.change_done_at
	};
}
