import type { PaperSize, ResumeTemplate } from '../../schemas/api';

/**
 * The looks of the resume files, one description each for PDF, Word and HTML. Every template is
 * a single column of real text with the usual section headings, which is what applicant tracking
 * systems read best. Sizes are in points.
 */
export type TemplateStyle = {
	/** The DejaVu family embedded in the PDF. */
	pdfFamily: 'DejaVuSerif' | 'DejaVuSans' | 'DejaVuSansCondensed';
	/** The font Word is told to use, and the CSS stack for HTML. */
	docxFont: string;
	cssFont: string;
	align: 'center' | 'left';
	size: { name: number; label: number; heading: number; body: number; small: number };
	/** Space between lines, as a multiple of the type size. */
	leading: number;
	/** Page margins: top/bottom and left/right. */
	margin: { y: number; x: number };
	/** Space before a section heading, before an entry, and between bullets. */
	gap: { section: number; entry: number; bullet: number };
	/** Headings in capitals (the words stay as written in the text, only their case changes). */
	upperHeadings: boolean;
	/** A rule under each section heading. */
	rule: boolean;
	/** The colour of the name and headings (hex, no '#'), and of dates and subtitles. */
	accent: string;
	muted: string;
	/** Subtitles (employer, school) in italics. */
	italicSub: boolean;
};

export const TEMPLATES: Record<ResumeTemplate, TemplateStyle> = {
	/** Serif, centred name, rules under capitalised headings: the traditional resume. */
	classic: {
		pdfFamily: 'DejaVuSerif',
		docxFont: 'Georgia',
		cssFont: "Georgia, 'DejaVu Serif', 'Times New Roman', serif",
		align: 'center',
		size: { name: 21, label: 11.5, heading: 11, body: 10, small: 8 },
		leading: 1.28,
		margin: { y: 50, x: 56 },
		gap: { section: 13, entry: 8, bullet: 1.5 },
		upperHeadings: true,
		rule: true,
		accent: '111111',
		muted: '3a3a3a',
		italicSub: true
	},
	/** Sans serif, left-aligned, headings in a dark blue. */
	modern: {
		pdfFamily: 'DejaVuSans',
		docxFont: 'Calibri',
		cssFont: "Calibri, 'DejaVu Sans', 'Segoe UI', Arial, sans-serif",
		align: 'left',
		size: { name: 22, label: 11.5, heading: 12, body: 9.5, small: 7.5 },
		leading: 1.32,
		margin: { y: 48, x: 54 },
		gap: { section: 14, entry: 8, bullet: 1.5 },
		upperHeadings: false,
		rule: false,
		accent: '1f4e79',
		muted: '4a4a4a',
		italicSub: false
	},
	/** Condensed sans serif, smaller type and margins: a long record on fewer pages. */
	compact: {
		pdfFamily: 'DejaVuSansCondensed',
		docxFont: 'Arial Narrow',
		cssFont: "'Arial Narrow', 'DejaVu Sans Condensed', 'Liberation Sans Narrow', Arial, sans-serif",
		align: 'left',
		size: { name: 16, label: 10, heading: 9.5, body: 8.5, small: 7 },
		leading: 1.22,
		margin: { y: 34, x: 38 },
		gap: { section: 8, entry: 4.5, bullet: 0.5 },
		upperHeadings: true,
		rule: true,
		accent: '2b2b2b',
		muted: '4a4a4a',
		italicSub: false
	}
};

export const DEFAULT_TEMPLATE: ResumeTemplate = 'classic';

/** Page sizes in points. */
export const PAPER: Record<PaperSize, { width: number; height: number }> = {
	a4: { width: 595.28, height: 841.89 },
	letter: { width: 612, height: 792 }
};
