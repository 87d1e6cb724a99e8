import PDFDocument from 'pdfkit';
import type { PaperSize, ResumeTemplate } from '../../schemas/api';
import { fontFaces, type FontFace } from './fonts';
import { entryLine, type ResumeEntry, type ResumeModel, type ResumeSection } from './resume-model';
import { PAPER, TEMPLATES } from './templates';

/**
 * The resume as a PDF, with pdfkit and embedded (subset) DejaVu fonts: one column of real text,
 * dates right-aligned on an entry's first line, bullets as a bullet character and a hanging
 * indent. An entry's header never ends a page without its first line, and a bullet is never split
 * across pages (unless it is longer than a page). Pages after the first carry the name and page
 * number in the footer.
 */

export type PdfOptions = { template: ResumeTemplate; paper: PaperSize };

/**
 * Common and discretionary ligatures off: a reader that ignores the font's ToUnicode map would
 * otherwise read "efficient" with a single "ﬁ" glyph. fontkit only turns a default feature off
 * when given an object with it set to false (an empty list keeps the defaults), and it adds keys
 * to the object it is given, hence a new one each time.
 * https://github.com/foliojs/fontkit#fontlayoutstring-features--null
 */
const noLigatures = () =>
	({
		liga: false,
		clig: false,
		dlig: false,
		hlig: false
	}) as unknown as PDFKit.Mixins.OpenTypeFeatures[];

export async function toPdf(
	model: ResumeModel,
	{ template, paper }: PdfOptions
): Promise<Uint8Array<ArrayBuffer>> {
	const t = TEMPLATES[template];
	const page = PAPER[paper];
	const doc = new PDFDocument({
		size: [page.width, page.height],
		margins: { top: t.margin.y, bottom: t.margin.y, left: t.margin.x, right: t.margin.x },
		bufferPages: true,
		pdfVersion: '1.7',
		lang: 'en',
		displayTitle: true,
		info: {
			Title: model.name ? `${model.name} — Resume` : 'Resume',
			...(model.name ? { Author: model.name } : {}),
			...(model.label ? { Subject: model.label } : {})
		}
	});
	const bytes = collect(doc);
	const faces = fontFaces(t.pdfFamily);
	for (const face of ['regular', 'bold', 'italic'] as const) doc.registerFont(face, faces[face]);
	layOut(doc, drawable(model, glyphFilter(doc)), t);
	doc.end();
	return bytes;
}

/**
 * Drops the characters the embedded fonts have no glyph for (emoji, scripts DejaVu does not
 * cover): drawn, they would be empty boxes, and read back they come out as NUL characters.
 */
function glyphFilter(doc: PDFKit.PDFDocument): (s: string) => string {
	// pdfkit keeps the fontkit font of the current font in `_font.font`; its types do not say so.
	type Fontkit = { hasGlyphForCodePoint(codePoint: number): boolean };
	const fonts = (['regular', 'bold', 'italic'] as const).map(
		(face) => (doc.font(face) as unknown as { _font: { font: Fontkit } })._font.font
	);
	const keep = new Map<number, boolean>();
	const drawn = (ch: string) => {
		const cp = ch.codePointAt(0)!;
		if (cp < 0x7f) return true;
		let ok = keep.get(cp);
		if (ok === undefined) keep.set(cp, (ok = fonts.every((f) => f.hasGlyphForCodePoint(cp))));
		return ok;
	};
	return (s) => Array.from(s).filter(drawn).join('').replace(/ {2,}/g, ' ').trim();
}

function drawable(model: ResumeModel, f: (s: string) => string): ResumeModel {
	return {
		...model,
		name: f(model.name),
		label: f(model.label),
		contact: model.contact.map((c) => ({ ...c, text: f(c.text) })).filter((c) => c.text),
		summary: model.summary.map(f).filter(Boolean),
		sections: model.sections.map((s) => ({
			...s,
			entries: s.entries.map((e) => ({
				heading: f(e.heading),
				sub: f(e.sub),
				when: f(e.when),
				text: f(e.text),
				bullets: e.bullets.map(f).filter(Boolean)
			}))
		}))
	};
}

function collect(doc: PDFKit.PDFDocument): Promise<Uint8Array<ArrayBuffer>> {
	const chunks: Buffer[] = [];
	return new Promise((resolve, reject) => {
		doc.on('data', (c: Buffer) => chunks.push(c));
		doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
		doc.on('error', reject);
	});
}

type Style = (typeof TEMPLATES)[ResumeTemplate];

function layOut(doc: PDFKit.PDFDocument, model: ResumeModel, t: Style) {
	const left = doc.page.margins.left;
	const width = doc.page.width - left - doc.page.margins.right;
	const top = doc.page.margins.top;
	const bottom = () => doc.page.height - doc.page.margins.bottom;
	const ink = '#111111';
	const muted = `#${t.muted}`;
	const accent = `#${t.accent}`;
	const bulletIndent = Math.round(t.size.body * 1.4);

	const opts = (size: number, o: PDFKit.Mixins.TextOptions = {}): PDFKit.Mixins.TextOptions => ({
		lineGap: size * (t.leading - 1),
		features: noLigatures(),
		...o
	});
	const set = (face: FontFace, size: number, color = ink) =>
		doc.font(face).fontSize(size).fillColor(color);
	const height = (text: string, face: FontFace, size: number, w: number) => {
		set(face, size);
		return doc.heightOfString(text, opts(size, { width: w }));
	};
	const lineHeight = (size: number) => size * t.leading;
	/** A new page unless `h` more points fit on this one (or this page is still empty). */
	const ensure = (h: number) => {
		if (doc.y + h > bottom() && doc.y > top + 1) doc.addPage();
	};
	const space = (h: number) => {
		if (doc.y > top + 1) doc.y += h;
	};

	/** A line with `lead` (bold) and `rest`, and `when` right-aligned on its first line. */
	const headerLine = (lead: string, rest: string, when: string, size: number) => {
		const y0 = doc.y;
		set('regular', size);
		const whenWidth = when ? doc.widthOfString(when, opts(size)) + size : 0;
		const w = width - whenWidth;
		if (lead) {
			set('bold', size);
			doc.text(lead, left, y0, opts(size, { width: w, continued: !!rest }));
		}
		if (rest) {
			set('regular', size);
			if (lead) doc.text(rest, opts(size, { width: w }));
			else doc.text(rest, left, y0, opts(size, { width: w }));
		}
		const y1 = doc.y;
		if (when) {
			set('regular', size, muted);
			doc.text(when, left, y0, opts(size, { width, align: 'right', lineBreak: false }));
		}
		doc.x = left;
		doc.y = Math.max(y1, y0 + lineHeight(size));
	};

	const paragraph = (text: string, face: FontFace, size: number, color = ink) => {
		set(face, size, color);
		doc.text(text, left, doc.y, opts(size, { width }));
	};

	const bullet = (text: string) => {
		const size = t.size.body;
		const w = width - bulletIndent;
		ensure(height(text, 'regular', size, w));
		const y0 = doc.y;
		set('regular', size);
		doc.text('•', left + size * 0.3, y0, opts(size, { lineBreak: false }));
		doc.text(text, left + bulletIndent, y0, opts(size, { width: w }));
		doc.x = left;
		doc.y += t.gap.bullet;
	};

	/**
	 * The contact details, " · " between them, broken into lines between items only; each line is
	 * one run of text (so a reader gets the spaces), with a link over each address.
	 */
	const contactLines = (items: ResumeModel['contact']) => {
		const size = t.size.body;
		const sep = '  ·  ';
		set('regular', size, muted);
		const widthOf = (s: string) => doc.widthOfString(s, opts(size));
		const rows: ResumeModel['contact'][] = [];
		for (const item of items) {
			const row = rows.at(-1);
			if (row && widthOf([...row, item].map((c) => c.text).join(sep)) <= width) row.push(item);
			else rows.push([item]);
		}
		for (const row of rows) {
			const text = row.map((c) => c.text).join(sep);
			const w = widthOf(text);
			if (w > width) {
				// One item longer than the line (a very long address): wrapped, without a link.
				doc.text(text, left, doc.y, opts(size, { width, align: t.align }));
				continue;
			}
			const x0 = t.align === 'center' ? left + (width - w) / 2 : left;
			const y = doc.y;
			doc.text(text, x0, y, opts(size, { lineBreak: false }));
			let x = x0;
			for (const c of row) {
				const cw = widthOf(c.text);
				if (c.href) doc.link(x, y, cw, size * 1.2, c.href);
				x += cw + widthOf(sep);
			}
			doc.x = left;
			doc.y = y + lineHeight(size);
		}
	};

	const headingText = (title: string) => (t.upperHeadings ? title.toUpperCase() : title);
	const headingHeight = (title: string) =>
		height(headingText(title), 'bold', t.size.heading, width) + (t.rule ? 5 : 3);

	/** A section heading, kept on the page of what follows it (`next` points of it). */
	const heading = (title: string, next: number) => {
		space(t.gap.section);
		ensure(headingHeight(title) + next);
		set('bold', t.size.heading, accent);
		doc.text(headingText(title), left, doc.y, opts(t.size.heading, { width }));
		if (t.rule) {
			const y = doc.y + 0.5;
			doc
				.moveTo(left, y)
				.lineTo(left + width, y)
				.lineWidth(0.6)
				.strokeColor(accent)
				.stroke();
			doc.y = y + 4.5;
		} else doc.y += 3;
	};

	const entrySize = t.size.body + 0.5;
	/** The height of an entry's header and its first line of content (two lines of a paragraph). */
	const entryStart = (section: ResumeSection, e: ResumeEntry) => {
		if (section.layout === 'lines') {
			const { lead, rest } = entryLine(section, e);
			return height(`${lead}${rest}`, 'regular', t.size.body, width - 60);
		}
		const size = t.size.body;
		let h = height(e.heading || e.sub, 'bold', entrySize, width - 80);
		if (e.sub && e.heading) h += height(e.sub, t.italicSub ? 'italic' : 'regular', size, width);
		const first = e.text || e.bullets[0];
		if (first)
			h += Math.min(height(first, 'regular', size, width - bulletIndent), 2 * lineHeight(size));
		return h;
	};

	const entry = (section: ResumeSection, e: ResumeEntry, i: number) => {
		if (section.layout === 'lines') {
			const { lead, rest } = entryLine(section, e);
			if (i > 0) doc.y += t.gap.bullet + 1;
			ensure(entryStart(section, e));
			headerLine(lead, rest, e.when, t.size.body);
			return;
		}
		if (i > 0) space(t.gap.entry);
		ensure(entryStart(section, e));
		const title = e.heading || e.sub;
		headerLine(title, '', e.when, entrySize);
		if (e.sub && e.heading)
			paragraph(e.sub, t.italicSub ? 'italic' : 'regular', t.size.body, t.italicSub ? ink : muted);
		if (e.text) {
			doc.y += 1;
			paragraph(e.text, 'regular', t.size.body);
		}
		if (e.bullets.length) doc.y += 1.5;
		for (const b of e.bullets) bullet(b);
	};

	// The person: name, headline, contact details (links where they are addresses).
	set('bold', t.size.name, accent);
	doc.text(model.name || 'Resume', left, top, opts(t.size.name, { width, align: t.align }));
	if (model.label) {
		doc.y += 1;
		set('regular', t.size.label, ink);
		doc.text(model.label, left, doc.y, opts(t.size.label, { width, align: t.align }));
	}
	if (model.contact.length) {
		doc.y += 3;
		contactLines(model.contact);
	}

	if (model.summary.length) {
		heading('Summary', 2 * lineHeight(t.size.body));
		model.summary.forEach((p, i) => {
			if (i > 0) doc.y += t.gap.entry / 2;
			paragraph(p, 'regular', t.size.body);
		});
	}
	for (const section of model.sections) {
		heading(section.title, entryStart(section, section.entries[0]!));
		section.entries.forEach((e, i) => entry(section, e, i));
	}

	footers(doc, model, t, left, width);
}

/** "Name — page 2 of 3" under every page after the first. */
function footers(
	doc: PDFKit.PDFDocument,
	model: ResumeModel,
	t: Style,
	left: number,
	width: number
) {
	const { start, count } = doc.bufferedPageRange();
	for (let i = 1; i < count; i++) {
		doc.switchToPage(start + i);
		const margin = doc.page.margins.bottom;
		// Text below the bottom margin would otherwise start a new page.
		doc.page.margins.bottom = 0;
		doc
			.font('regular')
			.fontSize(t.size.small)
			.fillColor(`#${t.muted}`)
			.text(
				`${model.name ? `${model.name} — page` : 'Page'} ${i + 1} of ${count}`,
				left,
				doc.page.height - margin / 2 - t.size.small / 2,
				{ width, align: 'center', lineBreak: false, features: noLigatures() }
			);
		doc.page.margins.bottom = margin;
	}
}
