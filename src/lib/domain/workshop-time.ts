/**
 * Workshop times are typed as wall-clock dates and hours ("2025-05-20T09:00") by facilitators in
 * Poland and shown the same way to everyone. The browser's own time zone cannot be used for
 * that: the page is rendered on the server first, and the server may run in UTC. So one zone,
 * shared by the server and the browser, interprets and shows every workshop time.
 */
export const WORKSHOP_TIME_ZONE = 'Europe/Warsaw';

const DATE_TIME_LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/** Parses the value of an <input type="datetime-local"> in the workshop zone; null if malformed. */
export function wallClockToUtc(value: string, timeZone = WORKSHOP_TIME_ZONE): number | null {
	const match = DATE_TIME_LOCAL.exec(value);
	if (!match) return null;
	const [year, month, day, hour, minute] = match.slice(1).map(Number);
	const guess = Date.UTC(year, month - 1, day, hour, minute);
	if (Number.isNaN(guess) || new Date(guess).getUTCDate() !== day || hour > 23 || minute > 59) return null;
	// The zone's offset at the guessed instant; a second pass settles the hours around a DST change.
	const first = guess - zoneOffsetMs(guess, timeZone);
	const second = guess - zoneOffsetMs(first, timeZone);
	return second;
}

/** The inverse, for filling a datetime-local input with a stored time. */
export function utcToWallClock(ms: number, timeZone = WORKSHOP_TIME_ZONE): string {
	const local = new Date(ms + zoneOffsetMs(ms, timeZone));
	return local.toISOString().slice(0, 16);
}

export function formatWorkshopTime(ms: number, locale: string, timeZone = WORKSHOP_TIME_ZONE): string {
	return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(ms);
}

/** "20 maj 2025, 09:00–13:00", or both full dates when the workshop spans days. */
export function formatWorkshopSpan(startsAt: number, endsAt: number, locale: string, timeZone = WORKSHOP_TIME_ZONE): string {
	const sameDay = utcToWallClock(startsAt, timeZone).slice(0, 10) === utcToWallClock(endsAt, timeZone).slice(0, 10);
	const end = sameDay
		? new Intl.DateTimeFormat(locale, { timeStyle: 'short', timeZone }).format(endsAt)
		: formatWorkshopTime(endsAt, locale, timeZone);
	return `${formatWorkshopTime(startsAt, locale, timeZone)} – ${end}`;
}

function zoneOffsetMs(utcMs: number, timeZone: string): number {
	const parts = new Intl.DateTimeFormat('en-US', {
		timeZone,
		hourCycle: 'h23',
		year: 'numeric',
		month: '2-digit',
		day: '2-digit',
		hour: '2-digit',
		minute: '2-digit',
		second: '2-digit'
	}).formatToParts(utcMs);
	const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
	const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
	return asUtc - (utcMs - (((utcMs % 1000) + 1000) % 1000));
}
