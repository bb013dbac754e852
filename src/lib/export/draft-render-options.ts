/** What the person exporting a draft may choose besides the format, shared by every renderer. */
export interface DraftRenderOptions {
	/** Print where each goal and action came from as a short note (off unless asked). */
	sources?: boolean;
}
