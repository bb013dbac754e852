import { createHash, randomInt } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { AppContext } from '../context';
import type { Database } from '../db/schema';
import { getBoardHub } from '../collab/hub-registry';
import { writeAsServer } from '../collab/server-writer';
import { presenceOf } from '../collab/identity';
import { appendWorkshopLog } from './workshop-log';
import { EVERY_EDITOR, FACILITATOR_ONLY, defineCommand, type CommandActor, type FacilitationFeature, type FacilitationOutbox } from './feature';
import { isStepPrivacy } from '../../domain/facilitation/agenda';
import { DEFAULT_NOTE_COLOR, addRevealedNotes, isNoteColor, type RevealedNote } from '../../domain/ideas-wall';
import type { CommandResult, WorkshopRole } from '../../realtime/contract';
import {
	BRAINSTORM_EVENTS,
	BRAINSTORM_JOIN_KEY,
	brainstormPayloads,
	type BrainstormJoinState,
	type BrainstormSummary,
	type OwnNotesState
} from '../../realtime/brainstorm-contract';

/** Far more than anyone writes in one round; stops a looping laptop from filling the table. */
export const PRIVATE_NOTES_PER_AUTHOR = 100;
const EVERYONE: readonly WorkshopRole[] = ['facilitator', 'participant', 'observer'];

interface PrivateStep {
	id: string;
	privacy: 'private' | 'anonymous';
	boardId: string;
	revealedAt: number | null;
}

/**
 * Private brainstorm with reveal. Notes wait in `private_notes`, outside every board document;
 * the workshop hears only how many there are, each author their own. On reveal the server
 * writes them into the step's ideas wall in random order under its own Yjs client id.
 */
export function brainstormFeature(context: AppContext, outbox: FacilitationOutbox, clock: () => number = Date.now): FacilitationFeature {
	const { db } = context;

	async function broadcast(workshopId: string, stepId: string, personId?: string) {
		const summary = await stepSummary(db, stepId);
		if (summary) outbox.toWorkshop(workshopId, BRAINSTORM_EVENTS.summary, summary);
		if (personId) outbox.toPerson(workshopId, personId, BRAINSTORM_EVENTS.ownNotes, await ownNotes(db, stepId, personId));
	}

	const commands: FacilitationFeature['commands'] = {
		[BRAINSTORM_EVENTS.noteAdd]: defineCommand(brainstormPayloads[BRAINSTORM_EVENTS.noteAdd], EVERY_EDITOR, async (actor, { id, stepId, text, color }) => {
			const existing = await db.selectFrom('private_notes').select(['author_id', 'step_id']).where('id', '=', id).executeTakeFirst();
			// A resend after a lost acknowledgement: already stored, so nothing arrives twice.
			if (existing) return existing.author_id === actor.personId && existing.step_id === stepId ? { ok: true } : { ok: false, error: 'invalid-payload' };
			const step = await currentPrivateStep(db, actor.workshopId);
			if (!step || step.id !== stepId || step.revealedAt !== null) return { ok: false, error: 'step-closed' };
			const mine = await db
				.selectFrom('private_notes')
				.select((eb) => eb.fn.countAll<number>().as('n'))
				.where('step_id', '=', stepId)
				.where('author_id', '=', actor.personId)
				.executeTakeFirstOrThrow();
			if (Number(mine.n) >= PRIVATE_NOTES_PER_AUTHOR) return { ok: false, error: 'limit-reached' };
			await db
				.insertInto('private_notes')
				.values({
					id,
					workshop_id: actor.workshopId,
					step_id: stepId,
					board_id: step.boardId,
					author_id: actor.personId,
					author_name: presenceOf(actor.session).name ?? '',
					text,
					color: color ?? DEFAULT_NOTE_COLOR,
					created_at: clock(),
					revealed_at: null
				})
				.execute();
			await broadcast(actor.workshopId, stepId, actor.personId);
			return { ok: true };
		}),

		[BRAINSTORM_EVENTS.noteEdit]: defineCommand(brainstormPayloads[BRAINSTORM_EVENTS.noteEdit], EVERY_EDITOR, async (actor, { id, text }) => {
			const note = await ownUnrevealed(db, actor, id);
			if ('error' in note) return note;
			await db.updateTable('private_notes').set({ text }).where('id', '=', id).execute();
			outbox.toPerson(actor.workshopId, actor.personId, BRAINSTORM_EVENTS.ownNotes, await ownNotes(db, note.stepId, actor.personId));
			return { ok: true };
		}),

		[BRAINSTORM_EVENTS.noteRemove]: defineCommand(brainstormPayloads[BRAINSTORM_EVENTS.noteRemove], EVERY_EDITOR, async (actor, { id }) => {
			const note = await ownUnrevealed(db, actor, id);
			if ('error' in note) return note;
			await db.deleteFrom('private_notes').where('id', '=', id).execute();
			await broadcast(actor.workshopId, note.stepId, actor.personId);
			return { ok: true };
		}),

		[BRAINSTORM_EVENTS.reveal]: defineCommand(brainstormPayloads[BRAINSTORM_EVENTS.reveal], FACILITATOR_ONLY, async (actor, { stepId }) => {
			const step = await privateStep(db, actor.workshopId, stepId);
			if (!step) return { ok: false, error: 'step-closed' };
			if (step.revealedAt !== null) return { ok: true };
			const hub = getBoardHub(context);
			if (!hub) return { ok: false, error: 'server-error' };
			const rows = await db
				.selectFrom('private_notes')
				.select(['id', 'text', 'color', 'author_name'])
				.where('step_id', '=', stepId)
				.where('revealed_at', 'is', null)
				.execute();
			// Random order from the system's generator: the wall must not tell who wrote first.
			const notes: RevealedNote[] = shuffle(rows).map((row) => ({
				id: wallNoteId(row.id),
				text: row.text,
				// An anonymous author's favourite colour would be a signature.
				color: step.privacy === 'private' && isNoteColor(row.color) ? row.color : DEFAULT_NOTE_COLOR,
				createdBy: step.privacy === 'private' ? row.author_name : ''
			}));
			const now = clock();
			if (notes.length > 0) await writeAsServer(hub, step.boardId, (doc) => addRevealedNotes(doc, notes, now));
			await db.transaction().execute(async (trx) => {
				await trx.updateTable('private_notes').set({ revealed_at: now }).where('step_id', '=', stepId).where('revealed_at', 'is', null).execute();
				await trx.updateTable('workshop_agenda_steps').set({ revealed_at: now }).where('id', '=', stepId).execute();
				await appendWorkshopLog(trx, { workshopId: actor.workshopId, actor: actor.personId, action: BRAINSTORM_EVENTS.reveal, detail: { stepId, notes: notes.length }, at: now });
			});
			context.log.info({ workshopId: actor.workshopId, stepId, notes: notes.length }, 'private notes revealed');
			await broadcast(actor.workshopId, stepId);
			return { ok: true };
		}),

		[BRAINSTORM_EVENTS.sync]: defineCommand(brainstormPayloads[BRAINSTORM_EVENTS.sync], EVERYONE, async (actor) => ({
			ok: true,
			data: await joinState(actor)
		}))
	};

	async function joinState(actor: CommandActor): Promise<BrainstormJoinState> {
		const step = await currentPrivateStep(db, actor.workshopId);
		if (!step) return { summary: null, own: null };
		return { summary: await stepSummary(db, step.id), own: await ownNotes(db, step.id, actor.personId) };
	}

	return {
		commands,
		joinState: async (actor) => ({ [BRAINSTORM_JOIN_KEY]: await joinState(actor) })
	};
}

async function ownUnrevealed(db: Kysely<Database>, actor: CommandActor, id: string): Promise<{ stepId: string } | CommandResult & { ok: false }> {
	const note = await db
		.selectFrom('private_notes')
		.select(['step_id', 'revealed_at'])
		.where('id', '=', id)
		.where('author_id', '=', actor.personId)
		.where('workshop_id', '=', actor.workshopId)
		.executeTakeFirst();
	if (!note) return { ok: false, error: 'not-found' };
	if (note.revealed_at !== null) return { ok: false, error: 'step-closed' };
	return { stepId: note.step_id };
}

/** The workshop's current step when it collects private notes on an ideas wall. */
async function currentPrivateStep(db: Kysely<Database>, workshopId: string): Promise<PrivateStep | null> {
	const state = await db.selectFrom('workshop_state').select('current_step_id').where('workshop_id', '=', workshopId).executeTakeFirst();
	return state?.current_step_id ? privateStep(db, workshopId, state.current_step_id) : null;
}

async function privateStep(db: Kysely<Database>, workshopId: string, stepId: string): Promise<PrivateStep | null> {
	const row = await db
		.selectFrom('workshop_agenda_steps')
		.innerJoin('boards', 'boards.id', 'workshop_agenda_steps.board_id')
		.select(['workshop_agenda_steps.id', 'workshop_agenda_steps.privacy', 'workshop_agenda_steps.board_id', 'workshop_agenda_steps.revealed_at', 'boards.kind'])
		.where('workshop_agenda_steps.id', '=', stepId)
		.where('workshop_agenda_steps.workshop_id', '=', workshopId)
		.executeTakeFirst();
	if (!row || !row.board_id || row.kind !== 'ideas-wall' || !isStepPrivacy(row.privacy) || row.privacy === 'open') return null;
	return { id: row.id, privacy: row.privacy, boardId: row.board_id, revealedAt: row.revealed_at };
}

async function stepSummary(db: Kysely<Database>, stepId: string): Promise<BrainstormSummary | null> {
	const step = await db.selectFrom('workshop_agenda_steps').select(['privacy', 'revealed_at']).where('id', '=', stepId).executeTakeFirst();
	if (!step || (step.privacy !== 'private' && step.privacy !== 'anonymous')) return null;
	const counts = await db
		.selectFrom('private_notes')
		.select((eb) => [eb.fn.countAll<number>().as('notes'), eb.fn.count<number>('author_id').distinct().as('authors')])
		.where('step_id', '=', stepId)
		.executeTakeFirstOrThrow();
	return { stepId, privacy: step.privacy, noteCount: Number(counts.notes), authorsCount: Number(counts.authors), revealed: step.revealed_at !== null };
}

async function ownNotes(db: Kysely<Database>, stepId: string, personId: string): Promise<OwnNotesState> {
	const rows = await db
		.selectFrom('private_notes')
		.select(['id', 'text', 'color', 'created_at'])
		.where('step_id', '=', stepId)
		.where('author_id', '=', personId)
		.orderBy('created_at')
		.orderBy('id')
		.execute();
	return {
		stepId,
		notes: rows.map((row) => ({ id: row.id, text: row.text, color: isNoteColor(row.color) ? row.color : DEFAULT_NOTE_COLOR, createdAt: row.created_at }))
	};
}

/**
 * The wall id of a revealed note, derived from its private id: if marking the step revealed
 * failed after the wall was written, revealing again rewrites the same notes, never doubles
 * them. Only the author knows the private id, so it tells nobody else anything.
 */
function wallNoteId(privateId: string): string {
	const hex = createHash('sha256').update(`narada.private-note:${privateId}`).digest('hex');
	return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** Fisher–Yates with the system's cryptographic generator. */
function shuffle<T>(items: readonly T[]): T[] {
	const out = [...items];
	for (let i = out.length - 1; i > 0; i--) {
		const j = randomInt(i + 1);
		[out[i], out[j]] = [out[j], out[i]];
	}
	return out;
}
