/** What the person exporting a draft may choose besides the format, shared by every renderer. */
export interface DraftRenderOptions {
	/** Print where each goal and action came from as a short note (off unless asked). */
	sources?: boolean;
	/**
	 * Called as each section is laid out: `done` of `total` steps, the last step being the file
	 * itself. Long exports show it as their progress (lib/server/draft-export-jobs.ts).
	 */
	onProgress?: (done: number, total: number) => void;
}
