import { randomUUID } from 'node:crypto';
import type { RemarkStatus } from '../../src/lib/domain/consultation/model';
import { withDatabase } from './database';

export interface AnsweredRemarkSeed {
	status: RemarkStatus | null;
	sectionId: string;
	targetKind: 'section' | 'paragraph' | 'action';
	targetId: string;
	content: string;
	/** Index (in this list) of the remark this one was merged into. */
	duplicateOf?: number;
}

/**
 * Remarks of one respondent straight in the tables, numbered 1… in the given order and answered
 * as given ("Odpowiedź na uwagę N"); returns their ids in the same order.
 */
export async function seedAnsweredRemarks(databasePath: string, roundId: string, remarks: AnsweredRemarkSeed[]): Promise<string[]> {
	return withDatabase(databasePath, async (db) => {
		const now = Date.now();
		const respondentId = randomUUID();
		await db
			.insertInto('consultation_respondents')
			.values({ id: respondentId, round_id: roundId, secret_hash: Buffer.alloc(32), name: 'Ewa', institution: 'MOPS', sector: null, created_at: now })
			.execute();
		const ids: string[] = [];
		for (const [index, remark] of remarks.entries()) {
			const id = randomUUID();
			ids.push(id);
			await db
				.insertInto('consultation_remarks')
				.values({
					id,
					round_id: roundId,
					respondent_id: respondentId,
					number: index + 1,
					section_id: remark.sectionId,
					target_kind: remark.targetKind,
					target_id: remark.targetId,
					target_label: `Cel ${index + 1}`,
					content: remark.content,
					proposed_wording: '',
					justification: '',
					change_note: '',
					anonymous: 0,
					created_at: now,
					updated_at: now,
					status: remark.status,
					answer: remark.status ? `Odpowiedź na uwagę ${index + 1}` : '',
					duplicate_of: remark.duplicateOf === undefined ? null : ids[remark.duplicateOf]
				})
				.execute();
		}
		return ids;
	});
}
