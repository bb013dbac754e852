/** Reads one cookie from a raw Cookie header (upgrades and socket.io handshakes bypass SvelteKit's cookies API). */
export function readCookie(header: string | undefined, name: string): string | undefined {
	if (!header) return undefined;
	for (const part of header.split(';')) {
		const separator = part.indexOf('=');
		if (separator < 0) continue;
		if (part.slice(0, separator).trim() !== name) continue;
		const value = part.slice(separator + 1).trim();
		try {
			return decodeURIComponent(value);
		} catch {
			return undefined;
		}
	}
	return undefined;
}
