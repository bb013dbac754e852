import { browser } from '$app/environment';

/**
 * What a person already chose in a server-rendered <select> before the page came alive. Svelte's
 * bind:value sets a select back to the component's value as it hydrates (inputs and textareas keep
 * what was typed), so a component binding one reads this as it starts and takes the choice over.
 * Empty in the server render, after a client-side navigation, and when nothing was chosen.
 */
export function choiceBeforeHydration(selectId: string): string {
	if (!browser) return '';
	return (document.getElementById(selectId) as HTMLSelectElement | null)?.value ?? '';
}
