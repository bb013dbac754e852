// Bundles the TypeScript under server/ (and the command-line tools) into build/, next to the
// SvelteKit app, so `npm start` runs plain JavaScript on Node 20. Packages stay external:
// they are installed in node_modules and must not be duplicated in the bundle.
import { build } from 'esbuild';
import { writeFileSync } from 'node:fs';

const buildDir = process.env.NARADA_BUILD_DIR || 'build';

await build({
	entryPoints: {
		server: 'server/index.ts',
		'draft-export-worker': 'src/lib/server/draft-export-worker.ts',
		'cli/migrate': 'server/cli/migrate.ts',
		'cli/users': 'server/cli/users.ts',
		'cli/backup': 'server/cli/backup.ts',
		'cli/restore': 'server/cli/restore.ts'
	},
	outdir: buildDir,
	bundle: true,
	platform: 'node',
	format: 'esm',
	target: 'node20',
	packages: 'external',
	sourcemap: true,
	logLevel: 'warning'
});
writeFileSync(`${buildDir}/.built-at`, new Date().toISOString());
