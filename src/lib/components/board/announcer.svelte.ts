import { tick } from 'svelte';

/** The text of a board's polite live region, which tells screen-reader users what a key or button did. */
export class Announcer {
	text = $state('');

	/** Bound, so it can be handed to children as their `onannounce`. */
	announce = (text: string) => {
		// Clearing first makes screen readers repeat an identical message.
		this.text = '';
		void tick().then(() => (this.text = text));
	};
}
