import type { Generated } from 'kysely';

// Row types of the tables created in migrations/. Times are Unix milliseconds.

export interface Database {
	users: UserTable;
	invites: InviteTable;
	strategy_processes: StrategyProcessTable;
	process_members: ProcessMemberTable;
	boards: BoardTable;
	workshops: WorkshopTable;
	workshop_boards: WorkshopBoardTable;
	participants: ParticipantTable;
	sessions: SessionTable;
	board_updates: BoardUpdateTable;
	board_snapshots: BoardSnapshotTable;
	settings: SettingTable;
	process_institutions: ProcessInstitutionTable;
	workshop_agenda_steps: WorkshopAgendaStepTable;
	workshop_state: WorkshopStateTable;
	workshop_log: WorkshopLogTable;
	workshop_follow: WorkshopFollowTable;
	board_locks: BoardLockTable;
	workshop_votes: WorkshopVoteTable;
	vote_dots: VoteDotTable;
	private_notes: PrivateNoteTable;
	draft_board_choices: DraftBoardChoiceTable;
	draft_versions: DraftVersionTable;
	consultation_rounds: ConsultationRoundTable;
	consultation_invites: ConsultationInviteTable;
	consultation_respondents: ConsultationRespondentTable;
	consultation_remarks: ConsultationRemarkTable;
	consultation_answer_templates: ConsultationAnswerTemplateTable;
}

export type UserRole = 'admin' | 'facilitator';
export type MemberRole = 'owner' | 'facilitator';
export type SessionKind = 'user' | 'guest' | 'observer';

export interface UserTable {
	id: string;
	email: string;
	name: string;
	password_hash: string;
	role: UserRole;
	created_at: number;
}

export interface InviteTable {
	id: string;
	token_hash: string;
	email: string | null;
	created_by: string | null;
	created_at: number;
	expires_at: number;
	used_at: number | null;
	used_by: string | null;
	revoked_at: number | null;
}

export interface StrategyProcessTable {
	id: string;
	title: string;
	territory: string;
	period_from: number;
	period_to: number;
	created_by: string | null;
	created_at: number;
	/** The documents' language (migration 0012): 'pl' | 'en', 'pl' by default. */
	language: Generated<'pl' | 'en'>;
}

export interface ProcessMemberTable {
	process_id: string;
	user_id: string;
	role: MemberRole;
	added_at: number;
}

export interface BoardTable {
	id: string;
	process_id: string;
	kind: string;
	title: string;
	area: string | null;
	created_by: string | null;
	created_at: number;
}

export interface WorkshopTable {
	id: string;
	process_id: string;
	title: string;
	starts_at: number;
	ends_at: number;
	join_code: string | null;
	join_token: string | null;
	observer_token: string | null;
	created_by: string | null;
	created_at: number;
}

export interface WorkshopBoardTable {
	workshop_id: string;
	board_id: string;
	position: number;
}

export interface ParticipantTable {
	id: string;
	workshop_id: string;
	display_name: string;
	institution: string;
	sector: string;
	joined_at: number;
	removed_at: number | null;
	/** Only for the summary's women/men counts; null when the person chose not to say. */
	gender: Gender | null;
}

export type Gender = 'woman' | 'man';

export interface SessionTable {
	id: string;
	secret_hash: Uint8Array;
	kind: SessionKind;
	user_id: string | null;
	participant_id: string | null;
	workshop_id: string | null;
	created_at: number;
	last_verified_at: number;
	expires_at: number;
}

export interface BoardUpdateTable {
	id: Generated<number>;
	board_id: string;
	update: Uint8Array;
	created_at: number;
}

export interface BoardSnapshotTable {
	board_id: string;
	state: Uint8Array;
	last_update_id: number;
	updated_at: number;
}

export interface SettingTable {
	key: string;
	value: string;
}

export interface ProcessInstitutionTable {
	process_id: string;
	name: string;
	created_by: string | null;
	created_at: number;
}

export interface WorkshopAgendaStepTable {
	id: string;
	workshop_id: string;
	position: number;
	title: string;
	board_id: string | null;
	activity: string;
	planned_minutes: number;
	started_at: number | null;
	ended_at: number | null;
	/** 'open' | 'private' | 'anonymous' (migration 0006). */
	privacy: Generated<string>;
	revealed_at: number | null;
}

export interface WorkshopStateTable {
	workshop_id: string;
	current_step_id: string | null;
	timer_ends_at: number | null;
	timer_paused_remaining_ms: number | null;
	timer_duration_ms: number | null;
	updated_at: number;
}

export interface WorkshopLogTable {
	id: Generated<number>;
	workshop_id: string;
	actor: string;
	action: string;
	/** JSON text. */
	detail: string;
	at: number;
}

export interface WorkshopFollowTable {
	workshop_id: string;
	board_id: string;
	target_kind: 'box' | 'item' | 'card' | 'cell' | 'row' | null;
	target_id: string | null;
	set_by: string;
	set_at: number;
}

/** A row per locked board (read-only for participants until a facilitator unlocks it). */
export interface BoardLockTable {
	board_id: string;
	/** The workshop whose facilitator locked it. */
	workshop_id: string;
	locked_by: string;
	locked_at: number;
}

export interface WorkshopVoteTable {
	id: string;
	workshop_id: string;
	board_id: string;
	dots_per_person: number;
	max_per_item: number;
	/** 0 or 1, as are the other flags. */
	results_live: number;
	no_own_items: number;
	random_order: number;
	facilitator_votes: number;
	/** JSON text: the votable items at opening. */
	items_json: string;
	opened_by: string;
	opened_at: number;
	closed_at: number | null;
}

export interface VoteDotTable {
	id: string;
	vote_id: string;
	item_id: string;
	voter_id: string;
	placed_at: number;
}

/** A private brainstorm note, kept off the board until the facilitator reveals its step. */
export interface PrivateNoteTable {
	id: string;
	workshop_id: string;
	step_id: string;
	board_id: string;
	author_id: string;
	author_name: string;
	text: string;
	color: string;
	created_at: number;
	revealed_at: number | null;
}

/** Where a board goes in the strategy draft; boards without a row follow, included. */
export interface DraftBoardChoiceTable {
	process_id: string;
	board_id: string;
	position: number;
	/** 0 or 1. */
	included: number;
}

/** A saved draft version: immutable, numbered 1, 2, … per process. */
export interface DraftVersionTable {
	id: string;
	process_id: string;
	number: number;
	/** JSON text: the StrategyDraft. */
	model_json: string;
	created_by: string | null;
	created_at: number;
}

/** A consultation round on a saved draft version (migration 0013). */
export interface ConsultationRoundTable {
	id: string;
	process_id: string;
	draft_version_id: string;
	title: string;
	description: string;
	opens_at: number;
	closes_at: number;
	audience: 'link' | 'invited';
	/** 0 or 1. */
	anonymous_allowed: number;
	link_token: string;
	/** The highest remark number ever given in this round (deleted remarks' numbers are not reused). */
	last_remark_number: Generated<number>;
	created_by: string | null;
	created_at: number;
}

/** One invited address of an invited-only round, with its own link token. */
export interface ConsultationInviteTable {
	id: string;
	round_id: string;
	email: string;
	token: string;
	created_at: number;
}

/** Someone who opened a round's link and wrote; identified by a receipt token (SHA-256 of its secret). */
export interface ConsultationRespondentTable {
	id: string;
	round_id: string;
	invite_id: string | null;
	secret_hash: Uint8Array;
	name: string;
	institution: string;
	sector: string | null;
	created_at: number;
}

export interface ConsultationRemarkTable {
	id: string;
	round_id: string;
	respondent_id: string;
	number: number;
	section_id: string;
	target_kind: 'section' | 'paragraph' | 'action';
	target_id: string;
	target_label: string;
	content: string;
	proposed_wording: string;
	justification: string;
	/** 0 or 1: the respondent chose not to sign this remark. */
	anonymous: number;
	created_at: number;
	updated_at: number;
	status: 'accepted' | 'partly' | 'rejected' | 'explained' | null;
	answer: string;
	answered_by: string | null;
	answered_at: number | null;
	assigned_to: string | null;
	duplicate_of: string | null;
	change_note: string;
	change_target_id: string | null;
	change_done_at: number | null;
	/** Number of the draft version that recorded the change; null until one is saved. */
	answered_in_version: number | null;
}

export interface ConsultationAnswerTemplateTable {
	id: string;
	process_id: string;
	status: 'accepted' | 'partly' | 'rejected' | 'explained' | null;
	text: string;
	created_by: string | null;
	created_at: number;
}
