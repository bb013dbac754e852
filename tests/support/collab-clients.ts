import { afterAll, afterEach, beforeAll } from 'vitest';
import { createBoard } from '../../src/lib/server/boards';
import { openDatabase } from '../../src/lib/server/db/index';
import { connectBoard, type BoardClient } from '../integration/collab-client';
import { seedWorkshop, type SeededWorkshop } from './seed';
import { startServer, type TestServer } from './server';

type BoardInput = Parameters<typeof createBoard>[3];

/**
 * The real built server with a seeded workshop, for specs where people edit one board together
 * through real y-websocket clients. Registers the suite's hooks: the server starts once, each
 * test's clients are closed after it.
 */
export interface CollabBoards {
	readonly server: TestServer;
	readonly seeded: SeededWorkshop;
	/** A client on the board as the holder of `token`; closed after the test. */
	connect(boardId: string, token: string): BoardClient;
	/**
	 * Board kinds the process page does not offer yet: created as the server would (with its
	 * initial state) and put into the seeded workshop, so the guest may join.
	 */
	createBoard(input: BoardInput): Promise<string>;
	/** Everyone leaves and the server restarts on the same database. */
	restart(): Promise<void>;
}

export function collabBoards(): CollabBoards {
	let server: TestServer;
	let seeded: SeededWorkshop;
	const clients: BoardClient[] = [];
	const closeClients = () => {
		for (const client of clients.splice(0)) client.destroy();
	};

	beforeAll(async () => {
		server = await startServer();
		seeded = await seedWorkshop(server.databasePath);
	});
	afterEach(closeClients);
	afterAll(async () => {
		await server?.stop();
	});

	return {
		get server() {
			return server;
		},
		get seeded() {
			return seeded;
		},
		connect(boardId, token) {
			const client = connectBoard(server.url, boardId, token);
			clients.push(client);
			return client;
		},
		async createBoard(input) {
			const { db, close } = openDatabase(server.databasePath);
			try {
				const boardId = await createBoard(db, seeded.processId, seeded.userId, input);
				await db.insertInto('workshop_boards').values({ workshop_id: seeded.workshopId, board_id: boardId, position: 1 }).execute();
				return boardId;
			} finally {
				await close();
			}
		},
		async restart() {
			closeClients();
			await server.restart();
		}
	};
}
