import { m } from '$lib/paraglide/messages';
import type { WorkshopLogLine } from '$lib/domain/facilitation/log-line';

type Describe = (line: WorkshopLogLine) => string;
const dash = () => m.wlog_unknown_person();

/** Each logged action in words; features add their own line here when they log something new. */
const DESCRIPTIONS: Record<string, Describe> = {
	'agenda:add': (line) => m.wlog_agenda_add({ title: line.stepTitle ?? dash() }),
	'agenda:update': (line) => m.wlog_agenda_update({ title: line.stepTitle ?? dash() }),
	'agenda:move': (line) => m.wlog_agenda_move({ title: line.stepTitle ?? dash() }),
	'agenda:remove': () => m.wlog_agenda_remove(),
	'agenda:goto': (line) => (line.stepTitle ? m.wlog_agenda_goto({ title: line.stepTitle }) : m.wlog_agenda_finish()),
	'timer:start': (line) => m.wlog_timer_start({ minutes: line.minutes ?? 0 }),
	'timer:pause': () => m.wlog_timer_pause(),
	'timer:resume': () => m.wlog_timer_resume(),
	'timer:add-minute': () => m.wlog_timer_add_minute(),
	'timer:stop': () => m.wlog_timer_stop(),
	'follow:bring': (line) => m.wlog_follow_bring({ title: line.boardTitle ?? dash() }),
	'follow:stop': () => m.wlog_follow_stop(),
	'lock:set': (line) => (line.locked ? m.wlog_lock_on : m.wlog_lock_off)({ title: line.boardTitle ?? dash() }),
	'vote:open': (line) => m.wlog_vote_open({ title: line.boardTitle ?? dash() }),
	'vote:close': () => m.wlog_vote_close(),
	'brainstorm:reveal': (line) => m.wlog_brainstorm_reveal({ title: line.stepTitle ?? dash(), count: line.count ?? 0 }),
	'hand:lower-for': (line) => m.wlog_hand_lower_for({ name: line.participantName ?? dash() }),
	'participants:anonymise': (line) => m.wlog_participants_anonymise({ count: line.count ?? 0 }),
	'links:regenerate': () => m.wlog_links_regenerate(),
	'links:revoke': () => m.wlog_links_revoke(),
	'participant:remove': (line) => m.wlog_participant_remove({ name: line.participantName ?? dash() })
};

export function describeLogLine(line: WorkshopLogLine): string {
	return (DESCRIPTIONS[line.action] ?? ((l) => m.wlog_other({ action: l.action })))(line);
}
