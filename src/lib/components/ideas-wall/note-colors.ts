import type { NoteColor } from '$lib/domain/ideas-wall';
import { m } from '$lib/paraglide/messages';

const labels: Record<NoteColor, () => string> = {
	yellow: m.board_color_yellow,
	orange: m.board_color_orange,
	pink: m.board_color_pink,
	purple: m.board_color_purple,
	blue: m.board_color_blue,
	green: m.board_color_green
};

export function colorLabel(color: NoteColor): string {
	return labels[color]();
}
