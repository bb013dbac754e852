import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import type { StrategyDraft } from '../../src/lib/domain/draft/model';
import { DraftRenderThread } from '../../src/lib/server/draft-render-thread';

// The render thread's bookkeeping with a stand-in worker script speaking the same messages as
// draft-export-worker.ts (the real worker is exercised through build/server.js in
// tests/integration/draft-exports.spec.ts): replies find their request, a render error is a
// rejected promise, and a worker that dies fails what it held and is replaced on the next render.
const WORKER = `
import { parentPort } from 'node:worker_threads';
parentPort.on('message', (request) => {
	if (request.format === 'crash') process.exit(3);
	if (request.format === 'broken') return parentPort.postMessage({ id: request.id, error: 'Error: no font' });
	parentPort.postMessage({ id: request.id, progress: { done: 1, total: 2 } });
	const bytes = new TextEncoder().encode(request.format + ':' + request.draft.titlePage.title + ':' + request.sources);
	parentPort.postMessage({ id: request.id, bytes, contentType: 'text/plain', fileName: 'strategia-v1.' + request.format }, [bytes.buffer]);
});
`;
const dir = mkdtempSync(join(tmpdir(), 'narada-render-thread-'));
writeFileSync(join(dir, 'worker.mjs'), WORKER);
const draft = { titlePage: { title: 'Strategia Łódź', version: 1 } } as unknown as StrategyDraft;
const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

let thread: DraftRenderThread;
afterEach(() => thread.close());

describe('draft render thread', () => {
	it('answers each render with its own file, several at once', async () => {
		thread = new DraftRenderThread(pathToFileURL(join(dir, 'worker.mjs')));
		const [word, pdf] = await Promise.all([thread.render(draft, 'docx', { sources: true }), thread.render(draft, 'pdf', { sources: false })]);
		expect(text(word.bytes)).toBe('docx:Strategia Łódź:true');
		expect(word.fileName).toBe('strategia-v1.docx');
		expect(text(pdf.bytes)).toBe('pdf:Strategia Łódź:false');
	});

	it('passes the worker\'s progress to the render that asked', async () => {
		thread = new DraftRenderThread(pathToFileURL(join(dir, 'worker.mjs')));
		const steps: string[] = [];
		await thread.render(draft, 'docx', { sources: false, onProgress: (done, total) => steps.push(`${done}/${total}`) });
		expect(steps).toEqual(['1/2']);
	});

	it('rejects a render that failed, and after the worker died starts a new one', async () => {
		thread = new DraftRenderThread(pathToFileURL(join(dir, 'worker.mjs')));
		await expect(thread.render(draft, 'broken' as 'pdf', { sources: false })).rejects.toThrow('no font');
		await expect(thread.render(draft, 'crash' as 'pdf', { sources: false })).rejects.toThrow(/exited with code 3/);
		expect(text((await thread.render(draft, 'md', { sources: false })).bytes)).toBe('md:Strategia Łódź:false');
	});
});
