import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';

/** The nice value of background threads: the lowest, so they only take time the boards leave. */
export const BACKGROUND_NICE = 19;

/**
 * Lowers the calling thread's scheduling priority. Linux keeps a nice value per thread and
 * setpriority() takes a thread id, found through /proc/thread-self; elsewhere this does nothing.
 * Worker threads that render exports or fold the update log call it first, so when they share a
 * core with the event loop that serves the boards, an edit does not wait for their time slice.
 * (The storage worker, which is a plain string of code, inlines the same two lines.)
 */
export function lowerThisThreadPriority(): void {
	try {
		const threadId = Number(readlinkSync('/proc/thread-self').split('/').pop());
		if (Number.isInteger(threadId) && threadId > 0) setPriority(threadId, BACKGROUND_NICE);
	} catch {
		// Not Linux, or not allowed: the thread keeps the normal priority.
	}
}
