import type { ConsultationRemark } from '../../src/lib/domain/consultation/model';
import type { ConsultationReportInput } from '../../src/lib/domain/consultation/report';

/** Remarks of one round as loadRoundRemarks gives them, for the report's unit tests. */
export function remark(number: number, fields: Partial<ConsultationRemark> = {}): ConsultationRemark {
	return {
		id: `r${number}`,
		number,
		sectionId: 'goals',
		targetKind: 'section',
		targetId: 'goals',
		targetLabel: 'Cele strategiczne',
		content: `Uwaga ${number}`,
		proposedWording: '',
		justification: '',
		author: { name: 'Anna Nowak', institution: 'MOPS Pisz', sector: 'social_assistance' },
		createdAt: 1_700_000_000_000 + number,
		status: null,
		answer: '',
		duplicateOf: null,
		assignedTo: null,
		changeNote: '',
		changeTargetId: null,
		changeDoneAt: null,
		...fields
	};
}

export const HOSTILE = '=HYPERLINK("http://evil.example","klik") <b>x</b> { HYPERLINK "x" } **gruby**';

export function reportInput(remarks: ConsultationRemark[], overrides: Partial<ConsultationReportInput> = {}): ConsultationReportInput {
	return {
		round: { id: 'round-1', title: 'Konsultacje społeczne', versionNumber: 2, opensAt: Date.UTC(2026, 4, 4, 7), closesAt: Date.UTC(2026, 5, 8, 22) },
		sections: [
			{ id: 'introduction', title: 'Wprowadzenie' },
			{ id: 'goals', title: 'Cele strategiczne i kierunki działań' }
		],
		remarks,
		anonymised: false,
		language: 'pl',
		...overrides
	};
}

/** Five remarks: every status, one unanswered, a merged duplicate, an unsigned one, a hostile text. */
export function mixedRemarks(): ConsultationRemark[] {
	return [
		remark(1, { status: 'accepted', answer: 'Dopisano w rozdziale 4.', sectionId: 'introduction' }),
		remark(2, { status: 'rejected', answer: 'Poza zakresem strategii.', author: { name: 'Jan Kowalski', institution: 'Fundacja Razem', sector: 'ngo' } }),
		remark(3, { duplicateOf: 'r1', author: { name: 'Ewa Lis', institution: '', sector: null } }),
		remark(4, { author: null, content: HOSTILE, proposedWording: HOSTILE }),
		remark(5, { status: 'explained', answer: 'Wyjaśniono.', author: { name: 'Piotr Zając', institution: 'Szkoła nr 1', sector: 'education' } })
	];
}
