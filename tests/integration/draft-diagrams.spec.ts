import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { CORE_BOX_ID, addCause, addEffect, editBoxText } from '../../src/lib/domain/problem-tree';
import { SESSION_COOKIE } from '../../src/lib/server/auth/sessions';
import { openDatabase } from '../../src/lib/server/db/index';
import { collabBoards } from '../support/collab-clients';
import { eventually } from '../support/eventually';
import { FormClient } from './auth-helpers';
import { whenSynced } from './collab-client';

// A problem tree typed on a real board comes out of the built server's exports as a picture with
// its outline as alternative text: diagrams are drawn on the server, no browser involved.
const collab = collabBoards();

describe('problem tree diagrams in the exports', () => {
	it('puts the tree into the preview, the DOCX and the PDF of a saved version', async () => {
		const boardId = await collab.createBoard({ kind: 'problem-tree', title: 'Drzewo problemów: przemoc', area: 'Przemoc w rodzinie' });
		const client = collab.connect(boardId, collab.seeded.facilitator.token);
		await whenSynced(client);
		editBoxText(client.doc, CORE_BOX_ID, 'Przemoc w rodzinie <b>źle</b> rozpoznawana');
		addCause(client.doc, CORE_BOX_ID, { text: 'Brak szkoleń dla służb', by: 'anna', now: 1 });
		addEffect(client.doc, CORE_BOX_ID, { text: 'Dzieci trafiają do pieczy zastępczej', by: 'anna', now: 1 });

		const facilitator = new FormClient(collab.server.url);
		facilitator.cookies.set(SESSION_COOKIE, collab.seeded.facilitator.token);
		const draftPath = `/processes/${collab.seeded.processId}/draft`;
		await eventually(async () => {
			const html = await (await facilitator.get(draftPath)).text();
			expect(html).toContain('Brak szkoleń dla służb');
		});
		// The preview draws the diagram as an SVG image whose alt text is the outline.
		const html = await (await facilitator.get(draftPath)).text();
		expect(html).toMatch(/<img src="data:image\/svg\+xml;charset=utf-8,[^"]+" alt="Schemat — Drzewo problemów: przemoc\. Problem główny: „Przemoc w rodzinie &lt;b>źle&lt;\/b> rozpoznawana”\./);

		expect((await facilitator.post(`${draftPath}?/saveVersion`, {})).status).toBe(200);
		const { db, close } = openDatabase(collab.server.databasePath);
		const last = (await db.selectFrom('draft_versions').select('number').where('process_id', '=', collab.seeded.processId).orderBy('number', 'desc').executeTakeFirstOrThrow()).number;
		await close();
		const download = async (file: string) => Buffer.from(await (await facilitator.get(`${draftPath}/versions/${last}/${file}`)).arrayBuffer());

		const zip = await JSZip.loadAsync(await download('draft.docx'));
		expect(Object.keys(zip.files).filter((name) => /^word\/media\/.+\.png$/.test(name))).toHaveLength(1);
		const document = await zip.file('word/document.xml')!.async('string');
		expect(document).toMatch(/<wp:docPr [^>]*descr="Schemat — Drzewo problemów: przemoc\. Problem główny: „Przemoc w rodzinie &lt;b&gt;źle&lt;\/b&gt; rozpoznawana”\. Skutki problemu głównego: „Dzieci trafiają do pieczy zastępczej”\. Przyczyny problemu głównego: „Brak szkoleń dla służb”\."/);

		const path = join(mkdtempSync(join(tmpdir(), 'narada-diagram-pdf-')), 'draft.pdf');
		writeFileSync(path, await download('draft.pdf'));
		const images = execFileSync('pdfimages', ['-list', path], { encoding: 'utf8' }).split('\n').slice(2).filter((line) => line.trim().split(/\s+/)[2] === 'image');
		expect(images).toHaveLength(1);
	});
});
