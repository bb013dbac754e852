/**
 * What the draft page shows about a process's boards and saved versions. Plain data shared by
 * the server (lib/server/drafts.ts fills it) and the draft components, so no component has to
 * import a server module.
 */

export interface DraftBoardChoice {
	id: string;
	kind: string;
	title: string;
	area: string | null;
	included: boolean;
}

export interface DraftVersionSummary {
	number: number;
	createdAt: number;
	createdBy: string | null;
}
