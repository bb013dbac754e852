/** One workshop log line as a facilitator reads it: names instead of ids, the step or board it concerned. */
export interface WorkshopLogLine {
	at: number;
	who: string | null;
	action: string;
	stepTitle: string | null;
	boardTitle: string | null;
	participantName: string | null;
	minutes: number | null;
	/** For lock changes: whether the board was locked or unlocked. */
	locked: boolean | null;
	/** How many things the action concerned (notes revealed, participants renamed). */
	count: number | null;
}
