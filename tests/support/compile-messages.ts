import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { paraglideOptions } from '../../vite.config';

/**
 * Compiles the Polish and English messages before the tests when they changed since the last
 * build (`npm test` builds first, so usually nothing is to do). In a child process: the inlang
 * project keeps handles open that would hold the test run for 10 s at its end.
 */
export default function compileMessages() {
	if (compiledIsFresh()) return;
	const script = `import('@inlang/paraglide-js').then((p) => p.compile(${JSON.stringify(paraglideOptions)})).then(() => process.exit(0))`;
	execFileSync(process.execPath, ['--input-type=module', '-e', script], { stdio: 'inherit' });
}

function compiledIsFresh(): boolean {
	const compiled = join(paraglideOptions.outdir, 'messages.js');
	if (!existsSync(compiled)) return false;
	const builtAt = statSync(compiled).mtimeMs;
	const sources = ['project.inlang/settings.json'];
	for (const folder of readdirSync('messages')) {
		for (const file of readdirSync(join('messages', folder))) sources.push(join('messages', folder, file));
	}
	return sources.every((source) => statSync(source).mtimeMs <= builtAt);
}
