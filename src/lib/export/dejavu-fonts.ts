import { createRequire } from 'node:module';

let files: { regular: string; bold: string } | null = null;

/**
 * DejaVu Sans, regular and bold: the one font every server-made file uses (PDFs, diagrams), so
 * Polish letters look the same on every machine. Resolved at run time from the installed
 * package, so the bundled server and its worker threads find them too.
 */
export function dejavuFontFiles(): { regular: string; bold: string } {
	if (!files) {
		const require = createRequire(import.meta.url);
		files = {
			regular: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'),
			bold: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf')
		};
	}
	return files;
}
