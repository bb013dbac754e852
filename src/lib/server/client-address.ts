import type { IncomingHttpHeaders } from 'node:http';

export interface AddressConfig {
	addressHeader: string | null;
	xffDepth: number;
}

/**
 * The client's address with the same rules as adapter-node's getClientAddress: a forwarded
 * header is trusted only when ADDRESS_HEADER names it (a stranger could otherwise pick any
 * address and dodge every rate limit); X-Forwarded-For is read XFF_DEPTH entries from the right.
 */
export function clientAddress(headers: IncomingHttpHeaders, remoteAddress: string | undefined, config: AddressConfig): string {
	if (!config.addressHeader) return remoteAddress ?? 'unknown';
	const raw = headers[config.addressHeader];
	const value = Array.isArray(raw) ? raw.join(',') : raw;
	if (!value) return remoteAddress ?? 'unknown';
	if (config.addressHeader !== 'x-forwarded-for') return value.trim();
	const addresses = value.split(',').map((a) => a.trim());
	return addresses[Math.max(0, addresses.length - config.xffDepth)] ?? remoteAddress ?? 'unknown';
}
