import { describe, expect, it } from 'vitest';
import { SEED_000_TEMPLATE, importGoalsTemplate } from '../../src/lib/domain/goals';
import type { DraftExportJobStatus } from '../../src/lib/domain/draft/export-job';
import { SESSION_COOKIE } from '../../src/lib/server/auth/sessions';
import { collabBoards } from '../support/collab-clients';
import { eventually } from '../support/eventually';
import { FormClient } from './auth-helpers';
import { whenSynced } from './collab-client';

// Exports prepared in the background against the real server: start a job, follow its status,
// download the file; identical requests share one job; strangers to the process see nothing.
const collab = collabBoards();
const SEED_ACTION = 'Monitorowanie oraz analiza problemów i potrzeb społecznych';

const draftPath = () => `/processes/${collab.seeded.processId}/draft`;
const exportsPath = (n: number) => `${draftPath()}/versions/${n}/exports`;

function call(token: string, path: string, init: RequestInit = {}): Promise<Response> {
	return fetch(`${collab.server.url}${path}`, {
		...init,
		redirect: 'manual',
		headers: { cookie: `${SESSION_COOKIE}=${token}`, 'content-type': 'application/json', origin: collab.server.url, ...init.headers }
	});
}

const startExport = (token: string, n: number, body: unknown) => call(token, exportsPath(n), { method: 'POST', body: JSON.stringify(body) });

/** Polls the job like the page does until it has finished. */
async function finished(token: string, n: number, id: string): Promise<DraftExportJobStatus> {
	let status: DraftExportJobStatus | null = null;
	await eventually(async () => {
		const response = await call(token, `${exportsPath(n)}/${id}`);
		expect(response.status).toBe(200);
		status = (await response.json()) as DraftExportJobStatus;
		expect(['ready', 'failed']).toContain(status.state);
	});
	return status!;
}

async function savedVersion(): Promise<number> {
	const boardId = await collab.createBoard({ kind: 'goals', title: 'Cele: obszar V', area: 'Współpraca i jakość usług' });
	const client = collab.connect(boardId, collab.seeded.facilitator.token);
	await whenSynced(client);
	importGoalsTemplate(client.doc, SEED_000_TEMPLATE, 'anna');
	const facilitator = new FormClient(collab.server.url);
	facilitator.cookies.set(SESSION_COOKIE, collab.seeded.facilitator.token);
	await eventually(async () => expect(await (await facilitator.get(draftPath())).text()).toContain(SEED_ACTION));
	expect((await facilitator.post(`${draftPath()}?/saveVersion`, {})).status).toBe(200);
	const html = await (await facilitator.get(draftPath())).text();
	return Math.max(...[...html.matchAll(/Wersja (\d+)/g)].map((match) => Number(match[1])));
}

describe('draft exports prepared in the background', () => {
	it('prepares a Word file with sources, reports progress, and serves it under its safe name', async () => {
		const token = collab.seeded.facilitator.token;
		const n = await savedVersion();
		const started = await startExport(token, n, { format: 'docx', sources: true });
		expect(started.status).toBe(202);
		const job = (await started.json()) as DraftExportJobStatus;
		expect(job).toMatchObject({ version: n, format: 'docx', sources: true, state: 'queued', progress: 0, fileName: null });
		// The same request while it runs (or once ready) is the same job, not a second render.
		expect(((await (await startExport(token, n, { format: 'docx', sources: true })).json()) as DraftExportJobStatus).id).toBe(job.id);

		const done = await finished(token, n, job.id);
		expect(done).toMatchObject({ state: 'ready', progress: 100, error: null });
		expect(done.fileName).toMatch(new RegExp(`^[a-z0-9-]+-v${n}\\.docx$`));
		const file = await call(token, `${exportsPath(n)}/${job.id}/file`);
		expect(file.status).toBe(200);
		expect(file.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
		expect(file.headers.get('content-disposition')).toBe(`attachment; filename="${done.fileName}"`);
		const bytes = Buffer.from(await file.arrayBuffer());
		expect(bytes.subarray(0, 2).toString()).toBe('PK');
		expect(bytes.byteLength).toBe(done.size);

		// Markdown through a job is the same document the direct route gives.
		const md = (await (await startExport(token, n, { format: 'md', sources: false })).json()) as DraftExportJobStatus;
		await finished(token, n, md.id);
		const viaJob = await (await call(token, `${exportsPath(n)}/${md.id}/file`)).text();
		expect(viaJob).toContain(SEED_ACTION);
		expect(viaJob).toBe(await (await call(token, `${draftPath()}/versions/${n}/draft.md`)).text());
	});

	it('refuses unknown formats and versions, and shows nothing to a guest, an observer or another version', async () => {
		const token = collab.seeded.facilitator.token;
		const n = await savedVersion();
		expect((await startExport(token, n, { format: 'exe' })).status).toBe(400);
		expect((await startExport(token, n, { format: '../docx' })).status).toBe(400);
		expect((await call(token, exportsPath(n), { method: 'POST', body: 'not json' })).status).toBe(400);
		expect((await startExport(token, 999, { format: 'pdf' })).status).toBe(404);

		const job = (await (await startExport(token, n, { format: 'pdf' })).json()) as DraftExportJobStatus;
		expect((await finished(token, n, job.id)).state).toBe('ready');
		for (const other of [collab.seeded.guest.token, collab.seeded.observer.token]) {
			expect((await call(other, `${exportsPath(n)}/${job.id}`)).status).toBe(404);
			expect((await call(other, `${exportsPath(n)}/${job.id}/file`)).status).toBe(404);
			expect((await startExport(other, n, { format: 'pdf' })).status).toBe(404);
		}
		// A job id under another version's path is unknown there.
		expect((await call(token, `${exportsPath(n - 1)}/${job.id}`)).status).toBe(404);
		expect((await call(token, `${exportsPath(n)}/not-a-job/file`)).status).toBe(404);
		const pdf = Buffer.from(await (await call(token, `${exportsPath(n)}/${job.id}/file`)).arrayBuffer());
		expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
	});
});
