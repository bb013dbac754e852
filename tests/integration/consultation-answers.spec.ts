import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedConsultationRound, type SeededRound } from '../support/consultation';
import { withDatabase, type TestDb } from '../support/database';
import { eventually } from '../support/eventually';
import { seedWorkshop, type SeededWorkshop } from '../support/seed';
import { startServer, type TestServer } from '../support/server';
import { addFacilitator, postPairs, seedRemarks, signedIn } from './consultation-helpers';

// The facilitators answering a round's remarks, against the real server. Remarks are written
// straight into the tables: the respondents' pages are another part of the feature.
let server: TestServer;
let seeded: SeededWorkshop;
let round: SeededRound;
let colleague: { userId: string; token: string };

beforeAll(async () => {
	server = await startServer();
	seeded = await seedWorkshop(server.databasePath);
	round = await seedConsultationRound(server.databasePath, seeded);
	colleague = await addFacilitator(server.databasePath, seeded, 'Bogdan Współprowadzący', true);
});
afterAll(async () => {
	await server?.stop();
});

const withDb = <T,>(run: (db: TestDb) => Promise<T>) => withDatabase(server.databasePath, run);
const roundPath = (roundId = round.roundId) => `/processes/${seeded.processId}/consultations/${roundId}`;
const anna = () => signedIn(server.url, seeded.facilitator.token);
const firstSection = () => round.draft.sections[0];
const remarksNamed = (...contents: string[]) => withDb((db) => seedRemarks(db, round.roundId, contents.map((content) => ({ sectionId: firstSection().id, content }))));
const rowsOf = (ids: string[]) =>
	withDb((db) => db.selectFrom('consultation_remarks').select(['id', 'status', 'answer', 'answered_by', 'assigned_to', 'duplicate_of']).where('id', 'in', ids).execute()).then((rows) => ids.map((id) => rows.find((row) => row.id === id)!));
const answer = (client: ReturnType<typeof anna>, ids: string[], status: string, text: string, roundId = round.roundId) =>
	postPairs(client, `${roundPath(roundId)}?/answer`, [...ids.map((id): [string, string] => ['remarkId', id]), ['status', status], ['answer', text]]);

describe('answering consultation remarks', () => {
	it('lists remarks by section title, as plain text', async () => {
		await remarksNamed('<script>alert(1)</script> Brakuje danych o przemocy');
		const html = await (await anna().get(roundPath())).text();
		expect(html).toContain(firstSection().title);
		expect(html).toContain('&lt;script>alert(1)&lt;/script> Brakuje danych o przemocy');
		expect(html).not.toContain('<script>alert(1)');
	});

	it('refuses an answer without a justification or a status, and changes nothing', async () => {
		const [id] = await remarksNamed('Uwaga bez odpowiedzi');
		for (const [status, text, message] of [
			['accepted', '   ', 'Uzasadnienie jest wymagane'],
			['', 'Uzasadnienie jest', 'Wybierz sposób rozpatrzenia uwagi.'],
			['maybe', 'Uzasadnienie jest', 'Wybierz sposób rozpatrzenia uwagi.'],
			['rejected', 'x'.repeat(5001), 'Tekst jest za długi.']
		]) {
			const response = await answer(anna(), [id], status, text);
			expect(response.status).toBe(400);
			expect(await response.text()).toContain(message);
		}
		// The single remark's own form says it beside that remark.
		const single = await postPairs(anna(), `${roundPath()}?/answer`, [['remarkId', id], ['single', '1'], ['status', 'accepted'], ['answer', '']]);
		expect(single.status).toBe(400);
		expect(await single.text()).toMatch(/id="remark-[^"]+-answer-error"[^>]*>Uzasadnienie jest wymagane/);
		expect((await rowsOf([id]))[0]).toMatchObject({ status: null, answer: '' });
	});

	it('answers several selected remarks at once', async () => {
		const ids = await remarksNamed('Pierwsza', 'Druga', 'Trzecia');
		const response = await answer(anna(), ids.slice(0, 2), 'partly', 'Uwzględniono w rozdziale 2 w części dotyczącej przemocy.');
		expect(response.status).toBe(200);
		const rows = await rowsOf(ids);
		expect(rows.map((row) => row.status)).toEqual(['partly', 'partly', null]);
		expect(rows[0]).toMatchObject({ answer: 'Uwzględniono w rozdziale 2 w części dotyczącej przemocy.', answered_by: seeded.userId });
	});

	it('keeps answer templates of the process: added, offered on the round page, deleted', async () => {
		const templateText = 'Uwaga wykracza poza zakres strategii; przekazano ją do właściwego wydziału.';
		expect((await postPairs(anna(), `${roundPath()}?/createTemplate`, [['status', 'rejected'], ['text', '  ']])).status).toBe(400);
		expect((await postPairs(anna(), `${roundPath()}?/createTemplate`, [['status', 'rejected'], ['text', templateText]])).status).toBe(200);
		const [id] = await remarksNamed('Proszę o nowy basen');
		const html = await (await anna().get(roundPath())).text();
		expect(html).toContain('Zacznij od szablonu');
		expect(html).toContain(templateText.slice(0, 40));
		// A template fills the form; what arrives is an ordinary answer.
		await answer(anna(), [id], 'rejected', templateText);
		expect((await rowsOf([id]))[0]).toMatchObject({ status: 'rejected', answer: templateText });

		const template = await withDb((db) => db.selectFrom('consultation_answer_templates').select('id').where('process_id', '=', seeded.processId).executeTakeFirstOrThrow());
		const other = await seedWorkshop(server.databasePath);
		const otherRound = await seedConsultationRound(server.databasePath, other);
		// Another process's facilitator cannot delete it through their own round.
		const foreign = await postPairs(signedIn(server.url, other.facilitator.token), `/processes/${other.processId}/consultations/${otherRound.roundId}?/deleteTemplate`, [['templateId', template.id]]);
		expect(foreign.status).toBe(400);
		expect((await postPairs(anna(), `${roundPath()}?/deleteTemplate`, [['templateId', template.id]])).status).toBe(200);
		expect(await withDb((db) => db.selectFrom('consultation_answer_templates').select('id').where('process_id', '=', seeded.processId).execute())).toEqual([]);
	});

	it('merges duplicates: they share the main remark’s answer, follow it, and can be separated again', async () => {
		const [main, duplicate, third] = await remarksNamed('Za mało mieszkań chronionych', 'Brak mieszkań chronionych', 'Mieszkania chronione!');
		await answer(anna(), [main], 'accepted', 'Dodano działanie 5.2.3.');
		const merged = await postPairs(anna(), `${roundPath()}?/merge`, [['remarkId', main], ['remarkId', duplicate], ['mainId', main]]);
		expect(merged.status).toBe(200);
		expect((await rowsOf([duplicate]))[0]).toMatchObject({ duplicate_of: main, status: 'accepted', answer: 'Dodano działanie 5.2.3.' });
		expect(await (await anna().get(roundPath())).text()).toContain('Scalona z uwagą nr');

		// Answering the main answers its duplicate; answering a duplicate answers the group.
		await answer(anna(), [main], 'partly', 'Dodano działanie 5.2.3 w mniejszym zakresie.');
		expect((await rowsOf([duplicate]))[0]).toMatchObject({ status: 'partly', answer: 'Dodano działanie 5.2.3 w mniejszym zakresie.' });
		await postPairs(anna(), `${roundPath()}?/merge`, [['remarkId', third], ['remarkId', main], ['mainId', main]]);
		await answer(anna(), [third], 'explained', 'Wyjaśniono w rozdziale 4.');
		expect((await rowsOf([main, duplicate, third])).map((row) => row.status)).toEqual(['explained', 'explained', 'explained']);

		// A main that is not among the selected, or is itself a duplicate, is refused.
		expect((await postPairs(anna(), `${roundPath()}?/merge`, [['remarkId', main], ['remarkId', third], ['mainId', duplicate]])).status).toBe(400);
		expect((await postPairs(anna(), `${roundPath()}?/merge`, [['remarkId', duplicate], ['remarkId', third], ['mainId', duplicate]])).status).toBe(400);

		expect((await postPairs(anna(), `${roundPath()}?/unmerge`, [['remarkId', duplicate]])).status).toBe(200);
		await answer(anna(), [main], 'rejected', 'Jednak nie.');
		const [afterMain, afterDuplicate, afterThird] = await rowsOf([main, duplicate, third]);
		expect(afterDuplicate).toMatchObject({ duplicate_of: null, status: 'explained' });
		expect(afterMain.status).toBe('rejected');
		expect(afterThird.status).toBe('rejected');
	});

	it('assigns remarks to a member of the process, refuses anyone else, and unassigns', async () => {
		const ids = await remarksNamed('Do Bogdana 1', 'Do Bogdana 2');
		const assign = (assignee: string) => postPairs(anna(), `${roundPath()}?/assign`, [...ids.map((id): [string, string] => ['remarkId', id]), ['assignee', assignee]]);
		expect((await assign(colleague.userId)).status).toBe(200);
		expect((await rowsOf(ids)).map((row) => row.assigned_to)).toEqual([colleague.userId, colleague.userId]);
		expect(await (await anna().get(roundPath())).text()).toContain('przydzielona: Bogdan Współprowadzący');

		const outsider = await addFacilitator(server.databasePath, seeded, 'Spoza zespołu', false);
		const refused = await assign(outsider.userId);
		expect(refused.status).toBe(400);
		expect(await refused.text()).toContain('należy do zespołu procesu');
		expect((await rowsOf(ids)).map((row) => row.assigned_to)).toEqual([colleague.userId, colleague.userId]);

		expect((await assign('')).status).toBe(200);
		expect((await rowsOf(ids)).map((row) => row.assigned_to)).toEqual([null, null]);
	});

	it('refuses a remark of another round, even together with one of this round', async () => {
		const otherRound = await seedConsultationRound(server.databasePath, seeded);
		const [foreign] = await withDb((db) => seedRemarks(db, otherRound.roundId, [{ sectionId: firstSection().id, content: 'Z innej rundy' }]));
		const [own] = await remarksNamed('Z tej rundy');
		const response = await answer(anna(), [own, foreign], 'accepted', 'Przyjęto.');
		expect(response.status).toBe(400);
		expect(await response.text()).toContain('Tej uwagi nie ma w tej rundzie');
		expect((await rowsOf([own, foreign])).map((row) => row.status)).toEqual([null, null]);
		expect((await postPairs(anna(), `${roundPath()}?/merge`, [['remarkId', own], ['remarkId', foreign], ['mainId', own]])).status).toBe(400);
		expect((await postPairs(anna(), `${roundPath()}?/assign`, [['remarkId', foreign], ['assignee', seeded.userId]])).status).toBe(400);
		expect((await rowsOf([foreign]))[0]).toMatchObject({ duplicate_of: null, assigned_to: null });
	});

	it('streams a change to one facilitator when a second one answers', async () => {
		const [id] = await remarksNamed('Na żywo');
		const controller = new AbortController();
		const response = await fetch(`${server.url}${roundPath()}/events`, { headers: { cookie: `narada_session=${seeded.facilitator.token}` }, signal: controller.signal });
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toContain('text/event-stream');
		const reader = response.body!.getReader();
		let received = '';
		const reading = (async () => {
			const decoder = new TextDecoder();
			for (;;) {
				const { value, done } = await reader.read();
				if (done) return;
				received += decoder.decode(value, { stream: true });
			}
		})().catch(() => {});
		await eventually(() => expect(received).toContain(': connected'));
		expect(received).not.toContain('event: change');

		expect((await answer(signedIn(server.url, colleague.token), [id], 'explained', 'Wyjaśnione przez Bogdana.')).status).toBe(200);
		await eventually(() => expect(received).toContain('event: change'));
		controller.abort();
		await reading;
	});

	it('shows answered and total counts on the process page', async () => {
		const countsRound = await seedConsultationRound(server.databasePath, seeded, { title: 'Runda do policzenia' });
		const ids = await withDb((db) => seedRemarks(db, countsRound.roundId, ['a', 'b', 'c'].map((content) => ({ sectionId: firstSection().id, content }))));
		await answer(anna(), ids.slice(0, 2), 'accepted', 'Uwzględniono.', countsRound.roundId);
		const html = await (await anna().get(`/processes/${seeded.processId}`)).text();
		expect(html).toContain('Konsultacje');
		expect(html).toMatch(/Runda do policzenia<\/a>\s*<span class="muted[^"]*">· Trwa · [^<]*· odpowiedzi: 2 z 3/);
		expect(html).toContain(`href="/processes/${seeded.processId}/consultations/new"`);
	});
});
