import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { sveltekit } from '@sveltejs/kit/vite';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';

/** Gives `npm run dev` the same board socket and socket.io as the production server. */
function naradaRealtime(): Plugin {
	return {
		name: 'narada-realtime',
		apply: 'serve',
		async configureServer(server) {
			if (!server.httpServer || process.env.VITEST) return;
			const { attachRealtime } = await server.ssrLoadModule('/server/attach.ts');
			await attachRealtime(server.httpServer);
		}
	};
}

/** The one Paraglide setup, used by the Vite plugin and by the tests' one-off compile. */
export const paraglideOptions = {
	project: './project.inlang',
	outdir: './src/lib/paraglide',
	strategy: ['cookie', 'baseLocale'] as ['cookie', 'baseLocale'],
	emitTsDeclarations: true
};

export default defineConfig({
	plugins: [
		// Under vitest the plugin's project watcher kept the run from exiting for 10 s; the
		// messages are compiled once by tests/support/compile-messages.ts instead.
		!process.env.VITEST && paraglideVitePlugin(paraglideOptions),
		sveltekit(),
		naradaRealtime()
	],
	test: {
		// Integration and browser tests boot real servers; two cores cannot take many at once.
		fileParallelism: false,
		testTimeout: 60_000,
		globalSetup: ['tests/support/compile-messages.ts'],
		hookTimeout: 120_000,
		projects: [
			{ extends: true, test: { name: 'unit', include: ['tests/unit/**/*.spec.ts', 'src/**/*.spec.ts'], environment: 'node' } },
			{ extends: true, test: { name: 'integration', include: ['tests/integration/**/*.spec.ts'], environment: 'node' } },
			// A browser test is a whole user journey; on a loaded two-core machine it can take three
			// times as long as on an idle one. The limit only stops a hung run, it times nothing.
			{ extends: true, test: { name: 'e2e', include: ['tests/e2e/**/*.spec.ts'], environment: 'node', testTimeout: 180_000 } }
		]
	}
});
