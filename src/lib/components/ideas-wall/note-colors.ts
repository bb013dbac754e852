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

/** Note shades, light enough for dark text at WCAG AA; the wall and the history preview share them. */
const backgrounds: Record<NoteColor, string> = {
	yellow: '#fff3b0',
	orange: '#ffd8a8',
	pink: '#ffc9de',
	purple: '#e5d4ff',
	blue: '#cfe8ff',
	green: '#d3f5d3'
};

export function colorBackground(color: NoteColor): string {
	return backgrounds[color] ?? backgrounds.yellow;
}
