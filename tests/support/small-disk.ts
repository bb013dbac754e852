import { execFileSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { expect } from 'vitest';
import { eventually } from './eventually';

/**
 * A full disk under a running server. Making the file read-only is not enough: the server's
 * SQLite handle is already open (and as root, permissions are not checked at all), so writes
 * would go on. A small tmpfs holds the database instead; `fill()` empties the WAL (a TRUNCATE
 * checkpoint through its own connection) and fills the rest of the filesystem with a filler
 * file, so the next commit must grow the WAL and fails with SQLITE_FULL — exactly what a full
 * disk does. `free()` deletes the filler. Mounting needs root (CAP_SYS_ADMIN); where that is
 * missing `mounted` is false and the tests skip, saying so.
 */
export function smallDisk(label: string) {
	const mountPoint = mkdtempSync(join(tmpdir(), 'narada-disk-'));
	const databasePath = join(mountPoint, 'narada.db');
	const fillerPath = join(mountPoint, 'filler');
	let mounted = false;
	try {
		execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=16m', 'tmpfs', mountPoint], { stdio: 'ignore' });
		mounted = true;
	} catch {
		console.warn(`${label}: cannot mount a tmpfs here (not root?); the full-disk test is skipped`);
	}

	return {
		mounted,
		databasePath,
		async fill() {
			await eventually(() => {
				const sqlite = new BetterSqlite3(databasePath);
				try {
					const [result] = sqlite.pragma('wal_checkpoint(TRUNCATE)') as Array<{ busy: number }>;
					expect(result.busy).toBe(0);
				} finally {
					sqlite.close();
				}
				expect(statSync(`${databasePath}-wal`).size).toBe(0);
			});
			const fd = openSync(fillerPath, 'w');
			const chunk = Buffer.alloc(64 * 1024, 1);
			try {
				for (;;) writeSync(fd, chunk);
			} catch (error) {
				if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
			} finally {
				closeSync(fd);
			}
		},
		free() {
			unlinkSync(fillerPath);
		},
		remove() {
			if (mounted) execFileSync('umount', [mountPoint]);
			rmSync(mountPoint, { recursive: true, force: true });
		}
	};
}
