import type { AppContext } from '../context';
import type { BoardHub } from './board-hub';

/**
 * The live board hub, reachable from SvelteKit routes (restore points, templates, exports).
 * The bundled Node server and the SvelteKit build each carry their own copy of this module, so
 * the hub hangs on the shared context object under a global symbol, not in a module variable.
 */
const HUB = Symbol.for('narada.boardHub');
type WithHub = AppContext & { [HUB]?: BoardHub };

export function setBoardHub(context: AppContext, hub: BoardHub | null): void {
	if (hub) (context as WithHub)[HUB] = hub;
	else delete (context as WithHub)[HUB];
}

/** Null until the board socket is attached (e.g. in a unit test without a server). */
export function getBoardHub(context: AppContext): BoardHub | null {
	return (context as WithHub)[HUB] ?? null;
}
