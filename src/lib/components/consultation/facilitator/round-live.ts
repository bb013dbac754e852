/**
 * Follows a round's server-sent events and calls `reload` once per burst of changes (a bulk
 * answer of fifty remarks is one reload, not fifty). EventSource reconnects by itself after a
 * dropped connection; a reload on reconnect catches whatever was missed meanwhile.
 */
export function followRoundChanges(url: string, reload: () => void, debounceMs = 300): () => void {
	let timer: ReturnType<typeof setTimeout> | undefined;
	let opened = false;
	const schedule = () => {
		clearTimeout(timer);
		timer = setTimeout(reload, debounceMs);
	};
	const source = new EventSource(url);
	source.addEventListener('change', schedule);
	source.addEventListener('open', () => {
		if (opened) schedule();
		opened = true;
	});
	return () => {
		clearTimeout(timer);
		source.close();
	};
}
