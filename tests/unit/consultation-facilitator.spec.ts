import { describe, expect, it } from 'vitest';
import { matchesFilter, emptyFilter } from '../../src/lib/components/consultation/facilitator/remark-filter';
import type { ConsultationRemark } from '../../src/lib/domain/consultation/model';
import { parseInviteList, roundFormSchema } from '../../src/lib/server/consultation/rounds';
import { remark as reportRemark } from './consultation-report-fixture';

describe('the invitation list', () => {
	it('splits on lines, commas, semicolons and spaces, compares without case and names the malformed ones', () => {
		expect(parseInviteList(' Ewa@Example.org;jan@example.org\n\n ewa@example.org , <ola@example.org>\tzły@ @x')).toEqual({
			emails: ['ewa@example.org', 'jan@example.org', 'ola@example.org'],
			invalid: ['zły@', '@x']
		});
		expect(parseInviteList('   \n ')).toEqual({ emails: [], invalid: [] });
	});

	it('is ignored for a round open to anyone with the link', () => {
		const form = { versionNumber: '1', title: 'Runda', description: '', opensAt: '2030-03-01T09:00', closesAt: '2030-04-10T09:00', anonymousAllowed: true, invites: 'zły adres' };
		expect(roundFormSchema.safeParse({ ...form, audience: 'link' }).data?.invites).toEqual([]);
		expect(roundFormSchema.safeParse({ ...form, audience: 'invited' }).success).toBe(false);
	});
});

const remark = (overrides: Partial<ConsultationRemark>): ConsultationRemark =>
	reportRemark(1, { content: 'Brakuje mieszkań chronionych', author: { name: 'Ewa', institution: 'MOPS', sector: 'social_assistance' }, ...overrides });

describe('the round page filters', () => {
	const me = 'anna';
	const is = (overrides: Partial<ConsultationRemark>, filter: Partial<ReturnType<typeof emptyFilter>>) => matchesFilter(remark(overrides), { ...emptyFilter(), ...filter }, me);

	it('tell unanswered remarks from answered ones by status', () => {
		expect(is({}, { status: 'unanswered' })).toBe(true);
		expect(is({ status: 'accepted' }, { status: 'unanswered' })).toBe(false);
		expect(is({ status: 'accepted' }, { status: 'accepted' })).toBe(true);
		expect(is({ status: 'partly' }, { status: 'accepted' })).toBe(false);
	});

	it('pick mine, unassigned or a colleague’s remarks', () => {
		expect(is({ assignedTo: 'anna' }, { assignee: 'mine' })).toBe(true);
		expect(is({ assignedTo: 'bogdan' }, { assignee: 'mine' })).toBe(false);
		expect(is({}, { assignee: 'unassigned' })).toBe(true);
		expect(is({ assignedTo: 'bogdan' }, { assignee: 'bogdan' })).toBe(true);
	});

	it('pick a sector or the anonymous remarks, a section, and text in any part or the number', () => {
		expect(is({ author: null }, { sector: 'anonymous' })).toBe(true);
		expect(is({}, { sector: 'anonymous' })).toBe(false);
		expect(is({}, { sector: 'social_assistance' })).toBe(true);
		expect(is({}, { sector: 'education' })).toBe(false);
		expect(is({}, { sectionId: 'diagnosis' })).toBe(false);
		expect(is({}, { text: 'MIESZKAŃ' })).toBe(true);
		expect(is({ answer: 'Dodano działanie 5.2' }, { text: 'działanie 5.2' })).toBe(true);
		expect(is({ number: 12 }, { text: '#12' })).toBe(true);
		expect(is({}, { text: 'basen' })).toBe(false);
	});
});
