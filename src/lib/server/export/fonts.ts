import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { TemplateStyle } from './templates';

/**
 * The DejaVu TrueType fonts the PDF embeds, from the `dejavu-fonts-ttf` package. They are found
 * the way Node finds a package, from this module's own location, so the same code works from
 * `src/` (dev server, tests, commands) and from the built server's chunks under adapter-node,
 * which keeps production dependencies in `node_modules`. Each file is read once per process.
 */

export type FontFace = 'regular' | 'bold' | 'italic';

const FILES: Record<TemplateStyle['pdfFamily'], Record<FontFace, string>> = {
	DejaVuSerif: {
		regular: 'DejaVuSerif.ttf',
		bold: 'DejaVuSerif-Bold.ttf',
		italic: 'DejaVuSerif-Italic.ttf'
	},
	DejaVuSans: {
		regular: 'DejaVuSans.ttf',
		bold: 'DejaVuSans-Bold.ttf',
		italic: 'DejaVuSans-Oblique.ttf'
	},
	DejaVuSansCondensed: {
		regular: 'DejaVuSansCondensed.ttf',
		bold: 'DejaVuSansCondensed-Bold.ttf',
		italic: 'DejaVuSansCondensed-Oblique.ttf'
	}
};

const require = createRequire(import.meta.url);
const cache = new Map<string, Buffer>();

function fontFile(name: string): Buffer {
	let bytes = cache.get(name);
	if (!bytes) {
		bytes = readFileSync(require.resolve(`dejavu-fonts-ttf/ttf/${name}`));
		cache.set(name, bytes);
	}
	return bytes;
}

/** The three faces of a family, as font file contents. */
export function fontFaces(family: TemplateStyle['pdfFamily']): Record<FontFace, Buffer> {
	const files = FILES[family];
	return {
		regular: fontFile(files.regular),
		bold: fontFile(files.bold),
		italic: fontFile(files.italic)
	};
}
