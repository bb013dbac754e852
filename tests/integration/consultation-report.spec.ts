import { randomUUID } from 'node:crypto';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RemarkStatus } from '../../src/lib/domain/consultation/model';
import type { StrategyDraft } from '../../src/lib/domain/draft/model';
import { createSession } from '../../src/lib/server/auth/sessions';
import { seedConsultationRound, seedRemarks, type SeededRound } from '../support/consultation';
import { withDatabase, type TestDb } from '../support/database';
import { seedWorkshop, type SeededWorkshop } from '../support/seed';
import { startServer, type TestServer } from '../support/server';
import { FormClient } from './auth-helpers';
import { signedIn as signedInAt } from './consultation-helpers';

// The consultation report against the real server: a round and its remarks seeded straight in
// the tables; the report files, who may download them, and the annex of the next draft version.
let server: TestServer;
let seeded: SeededWorkshop;
let round: SeededRound;

const HOSTILE = '=HYPERLINK("http://evil.example","klik") { HYPERLINK "x" }';
const withDb = <T,>(run: (db: TestDb) => Promise<T>) => withDatabase(server.databasePath, run);

interface SeedRemark {
	name: string;
	institution: string;
	sector: string | null;
	anonymous?: boolean;
	status: RemarkStatus | null;
	answer?: string;
	content?: string;
	duplicateOf?: number;
}

/** Respondents and their remarks, numbered 1…n, as the respondent and facilitator pages would leave them. */
async function seedReportRemarks(roundId: string, remarks: SeedRemark[]): Promise<void> {
	await withDb((db) =>
		seedRemarks(
			db,
			roundId,
			remarks.map((remark, index) => ({
				...remark,
				content: remark.content ?? `Uwaga numer ${index + 1}`,
				targetLabel: 'Cele strategiczne i kierunki działań',
				duplicateOf: remark.duplicateOf === undefined ? undefined : remark.duplicateOf - 1
			}))
		)
	);
}

const signedIn = (token: string) => signedInAt(server.url, token);

const reportPath = (file: string, roundId = round.roundId) => `/processes/${seeded.processId}/consultations/${roundId}/report/${file}`;

async function docxText(response: Response): Promise<string> {
	const xml = await (await JSZip.loadAsync(await response.arrayBuffer())).file('word/document.xml')!.async('string');
	return [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(' ').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
}

async function versionJson(number: number): Promise<string> {
	const row = await withDb((db) => db.selectFrom('draft_versions').select('model_json').where('process_id', '=', seeded.processId).where('number', '=', number).executeTakeFirstOrThrow());
	return row.model_json;
}

beforeAll(async () => {
	server = await startServer();
	seeded = await seedWorkshop(server.databasePath);
	round = await seedConsultationRound(server.databasePath, seeded, { title: 'Konsultacje społeczne projektu', opensAt: Date.now() - 40 * 86400_000, closesAt: Date.now() - 3600_000 });
	await seedReportRemarks(round.roundId, [
		{ name: 'Anna Nowak', institution: 'MOPS Pisz', sector: 'social_assistance', status: 'accepted', answer: 'Dopisano działanie 5.1.3.' },
		{ name: 'Jan Kowalski', institution: 'Fundacja Razem', sector: 'ngo', status: 'rejected', answer: 'Poza zakresem strategii.' },
		{ name: 'Ewa Lis', institution: '', sector: null, status: null, duplicateOf: 1 },
		{ name: 'Tajny Autor', institution: 'Szkoła nr 1', sector: 'education', anonymous: true, status: null, content: HOSTILE }
	]);
});

afterAll(async () => {
	await server?.stop();
});

describe('consultation report', () => {
	it('gives the facilitator the report as DOCX, PDF and XLSX, with names unless anonymised', async () => {
		const facilitator = signedIn(seeded.facilitator.token);
		const docx = await facilitator.get(reportPath('raport.docx'));
		expect(docx.status).toBe(200);
		expect(docx.headers.get('content-disposition')).toBe('attachment; filename="raport-z-konsultacji-konsultacje-spoleczne-projektu-v1.docx"');
		const text = await docxText(docx);
		expect(text).toContain('Jan Kowalski, Fundacja Razem (organizacje pozarządowe)');
		expect(text).toContain(`Dokument: ${round.draft.titlePage.title}, projekt strategii, wersja ${round.versionNumber}`);
		expect(text).toContain('zob. uwaga nr 1 — Dopisano działanie 5.1.3.');
		expect(text).toContain(HOSTILE);
		// An unsigned remark stays unsigned even in the full report.
		expect(text).not.toContain('Tajny Autor');

		const anonymised = await docxText(await facilitator.get(reportPath('raport.docx?anonymised=1')));
		for (const name of ['Anna Nowak', 'Jan Kowalski', 'Ewa Lis', 'Tajny Autor']) expect(anonymised).not.toContain(name);
		expect(anonymised).toContain('Fundacja Razem');

		const pdf = await facilitator.get(reportPath('raport.pdf?anonymised=1'));
		expect(pdf.status).toBe(200);
		expect(pdf.headers.get('content-type')).toBe('application/pdf');
		expect(Buffer.from(await pdf.arrayBuffer()).subarray(0, 5).toString()).toBe('%PDF-');

		const xlsx = await facilitator.get(reportPath('raport.xlsx'));
		expect(xlsx.status).toBe(200);
		const sheet = await (await JSZip.loadAsync(await xlsx.arrayBuffer())).file('xl/worksheets/sheet1.xml')!.async('string');
		expect(sheet).toContain(`'=HYPERLINK(&quot;http://evil.example&quot;`);
		expect(sheet).not.toContain('<f>');
	});

	it('refuses strangers, guests, observers and the signed-out, and unknown files or rounds', async () => {
		const stranger = await withDb(async (db) => {
			const userId = randomUUID();
			await db.insertInto('users').values({ id: userId, email: `s-${userId}@example.org`, name: 'Obca', password_hash: 'x', role: 'facilitator', created_at: Date.now() }).execute();
			return createSession(db, { kind: 'user', userId, expiresAt: Date.now() + 3600_000 });
		});
		for (const token of [stranger.token, seeded.guest.token, seeded.observer.token]) {
			const response = await signedIn(token).get(reportPath('raport.docx'));
			expect(response.status).toBe(404);
		}
		expect((await new FormClient(server.url).get(reportPath('raport.docx'))).status).toBe(303);
		const facilitator = signedIn(seeded.facilitator.token);
		expect((await facilitator.get(reportPath('raport.exe'))).status).toBe(404);
		expect((await facilitator.get(reportPath('draft.docx'))).status).toBe(404);
		expect((await facilitator.get(reportPath('raport.docx', randomUUID()))).status).toBe(404);
	});

	it('puts the anonymised report, with its counts, into the next version; the earlier version stays as it was', async () => {
		const before = await versionJson(round.versionNumber);
		const facilitator = signedIn(seeded.facilitator.token);
		expect((await facilitator.post(`/processes/${seeded.processId}/draft?/saveVersion`, {})).status).toBe(200);
		const next = await versionJson(round.versionNumber + 1);
		const annexes = (JSON.parse(next) as StrategyDraft).sections.find((section) => section.kind === 'annexes');
		expect(annexes?.kind).toBe('annexes');
		const annex = annexes?.kind === 'annexes' ? annexes.consultations?.[0] : undefined;
		expect(annex?.id).toBe(`annex:consultation:${round.roundId}`);
		expect(annex?.report.totals).toEqual({ remarks: 4, answered: 3, duplicates: 1 });
		expect(annex?.report.byStatus.map((c) => [c.key, c.count])).toEqual([
			['accepted', 2],
			['partly', 0],
			['rejected', 1],
			['explained', 0],
			['none', 1]
		]);
		expect(annex?.report.bySector.map((c) => [c.key, c.count])).toEqual([
			['social_assistance', 1],
			['ngo', 1],
			['none', 2]
		]);
		for (const name of ['Anna Nowak', 'Jan Kowalski', 'Ewa Lis', 'Tajny Autor']) expect(next).not.toContain(name);
		expect(await versionJson(round.versionNumber)).toBe(before);
		expect(before).not.toContain('annex:consultation');

		const markdown = await (await facilitator.get(`/processes/${seeded.processId}/draft/versions/${round.versionNumber + 1}/draft.md`)).text();
		expect(markdown).toContain('Raport z konsultacji: Konsultacje społeczne projektu');
		expect(markdown).toContain('bez odpowiedzi');

		// The saved version's Word file (rendered in the export thread) carries the annex.
		const docx = await docxText(await facilitator.get(`/processes/${seeded.processId}/draft/versions/${round.versionNumber + 1}/draft.docx`));
		expect(docx).toContain('Raport z konsultacji: Konsultacje społeczne projektu');
		expect(docx).toContain(HOSTILE);

		// The live preview shows the annex too, anonymised.
		const preview = await (await facilitator.get(`/processes/${seeded.processId}/draft`)).text();
		expect(preview).toContain('Raport z konsultacji: Konsultacje społeczne projektu');
		expect(preview).toContain('Fundacja Razem (organizacje pozarządowe)');
		expect(preview).not.toContain('Jan Kowalski');
	});
});
