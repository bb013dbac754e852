import type { RemarkStatus } from '../../src/lib/domain/consultation/model';
import { seedRemarks } from './consultation';
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
 * Remarks straight in the tables, numbered 1… in the given order and answered as given
 * ("Odpowiedź na uwagę N"); returns their ids in the same order.
 */
export async function seedAnsweredRemarks(databasePath: string, roundId: string, remarks: AnsweredRemarkSeed[]): Promise<string[]> {
	return withDatabase(databasePath, (db) =>
		seedRemarks(
			db,
			roundId,
			remarks.map((remark, index) => ({ ...remark, targetLabel: `Cel ${index + 1}`, answer: remark.status ? `Odpowiedź na uwagę ${index + 1}` : '' }))
		)
	);
}
