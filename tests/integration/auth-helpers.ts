/**
 * A tiny browser stand-in for form posts: keeps cookies, sends the Origin header SvelteKit's
 * CSRF check wants, and never follows redirects, so tests see where the server sends people.
 */
export class FormClient {
	cookies = new Map<string, string>();
	/** `headers`: sent with every request (e.g. an X-Forwarded-For address of its own). */
	constructor(
		readonly baseUrl: string,
		readonly headers: Record<string, string> = {}
	) {}

	async get(path: string): Promise<Response> {
		return this.#send(path, { method: 'GET' });
	}

	async post(path: string, fields: Record<string, string>): Promise<Response> {
		return this.#send(path, {
			method: 'POST',
			// A browser without JavaScript: asks for HTML, so SvelteKit renders the page rather than JSON.
			headers: { 'content-type': 'application/x-www-form-urlencoded', origin: this.baseUrl, accept: 'text/html' },
			body: new URLSearchParams(fields).toString()
		});
	}

	get sessionCookie(): string | undefined {
		return this.cookies.get('narada_session');
	}

	async #send(path: string, init: RequestInit): Promise<Response> {
		const cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
		const response = await fetch(this.baseUrl + path, {
			...init,
			redirect: 'manual',
			headers: { ...this.headers, ...(init.headers as Record<string, string>), ...(cookie ? { cookie } : {}) }
		});
		for (const line of response.headers.getSetCookie()) {
			const [pair, ...attributes] = line.split(';');
			const [name, ...value] = pair.split('=');
			const expired = attributes.some((a) => /max-age=0/i.test(a) || /expires=thu, 01 jan 1970/i.test(a));
			if (expired || value.join('=') === '') this.cookies.delete(name.trim());
			else this.cookies.set(name.trim(), value.join('='));
		}
		return response;
	}
}

export function location(response: Response): string | null {
	const target = response.headers.get('location');
	return target ? new URL(target, 'http://x').pathname + new URL(target, 'http://x').search : null;
}
