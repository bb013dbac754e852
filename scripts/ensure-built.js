// `npm start` on a fresh clone (or after `git pull`) builds first; an up-to-date build starts at once.
import { execSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const stamp = 'build/.built-at';
const sources = ['src', 'server', 'migrations', 'messages', 'static', 'package.json', 'svelte.config.js', 'vite.config.ts'];

function newestChange(path) {
	if (!existsSync(path)) return 0;
	const stat = statSync(path);
	if (!stat.isDirectory()) return stat.mtimeMs;
	let newest = stat.mtimeMs;
	for (const entry of readdirSync(path)) {
		if (entry === 'paraglide') continue;
		newest = Math.max(newest, newestChange(join(path, entry)));
	}
	return newest;
}

const builtAt = existsSync(stamp) ? statSync(stamp).mtimeMs : 0;
if (!existsSync('build/server.js') || sources.some((s) => newestChange(s) > builtAt)) {
	console.log('Building Narada…');
	execSync('npm run build', { stdio: 'inherit' });
}
