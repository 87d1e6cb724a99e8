import {
	AlignmentType,
	BorderStyle,
	Document,
	ExternalHyperlink,
	HeadingLevel,
	LevelFormat,
	Packer,
	Paragraph,
	Tab,
	TabStopType,
	TextRun,
	type IBaseParagraphStyleOptions,
	type ParagraphChild
} from 'docx';
import type { PaperSize, ResumeTemplate } from '../../schemas/api';
import { entryLine, type ResumeEntry, type ResumeModel, type ResumeSection } from './resume-model';
import { PAPER, TEMPLATES, type TemplateStyle } from './templates';

/**
 * The resume as a Word document, from the same model and templates as the PDF: the name in the
 * Title style, sections as Heading 1, entries as Heading 2 with the dates at a right tab stop,
 * bullets as a real bulleted list, no tables, text boxes or images. Headings keep with the next
 * paragraph, so Word never ends a page on an entry's header.
 */

export type DocxOptions = { template: ResumeTemplate; paper: PaperSize };

const BULLETS = 'resume-bullets';
/** Word measures in twentieths of a point (twips) and type in half points. */
const twips = (pt: number) => Math.round(pt * 20);
const half = (pt: number) => Math.round(pt * 2);

export async function toDocx(
	model: ResumeModel,
	{ template, paper }: DocxOptions
): Promise<Uint8Array<ArrayBuffer>> {
	const t = TEMPLATES[template];
	const page = PAPER[paper];
	const contentWidth = twips(page.width - 2 * t.margin.x);
	const doc = new Document({
		title: model.name ? `${model.name} — Resume` : 'Resume',
		creator: model.name || 'Resume',
		lastModifiedBy: model.name || 'Resume',
		...(model.label ? { subject: model.label } : {}),
		styles: styles(t),
		numbering: {
			config: [
				{
					reference: BULLETS,
					levels: [
						{
							level: 0,
							format: LevelFormat.BULLET,
							text: '•',
							alignment: AlignmentType.LEFT,
							style: {
								paragraph: {
									indent: { left: twips(t.size.body * 1.6), hanging: twips(t.size.body * 1.1) }
								}
							}
						}
					]
				}
			]
		},
		sections: [
			{
				properties: {
					page: {
						size: { width: twips(page.width), height: twips(page.height) },
						margin: {
							top: twips(t.margin.y),
							bottom: twips(t.margin.y),
							left: twips(t.margin.x),
							right: twips(t.margin.x)
						}
					}
				},
				children: body(model, t, contentWidth)
			}
		]
	});
	return new Uint8Array(await Packer.toBuffer(doc));
}

function styles(t: TemplateStyle) {
	const font = t.docxFont;
	const line = Math.round(240 * (t.leading - 0.12));
	const heading = (o: IBaseParagraphStyleOptions): IBaseParagraphStyleOptions => ({
		...o,
		run: { font, color: t.accent, bold: true, italics: false, ...o.run },
		paragraph: { keepNext: true, keepLines: true, ...o.paragraph }
	});
	return {
		default: {
			document: {
				run: { font, size: half(t.size.body), color: '111111' },
				paragraph: { spacing: { before: 0, after: 0, line } }
			},
			title: heading({
				run: { size: half(t.size.name) },
				paragraph: {
					alignment: t.align === 'center' ? AlignmentType.CENTER : AlignmentType.LEFT,
					spacing: { after: twips(2) }
				}
			}),
			heading1: heading({
				run: { size: half(t.size.heading), allCaps: t.upperHeadings },
				paragraph: {
					spacing: { before: twips(t.gap.section), after: twips(t.rule ? 4 : 3) },
					...(t.rule
						? {
								border: {
									bottom: { style: BorderStyle.SINGLE, size: 5, color: t.accent, space: 1 }
								}
							}
						: {})
				}
			}),
			heading2: heading({
				run: { size: half(t.size.body + 0.5), color: '111111' },
				paragraph: { spacing: { before: twips(t.gap.entry), after: 0 } }
			}),
			listParagraph: {
				paragraph: { spacing: { before: twips(t.gap.bullet), after: 0 } }
			}
		}
	};
}

function body(model: ResumeModel, t: TemplateStyle, contentWidth: number): Paragraph[] {
	const align = t.align === 'center' ? AlignmentType.CENTER : AlignmentType.LEFT;
	const rightTab = [{ type: TabStopType.RIGHT, position: contentWidth }];
	const muted = { color: t.muted };
	const out: Paragraph[] = [];

	out.push(new Paragraph({ heading: HeadingLevel.TITLE, text: model.name || 'Resume' }));
	if (model.label)
		out.push(
			new Paragraph({
				alignment: align,
				children: [new TextRun({ text: model.label, size: half(t.size.label) })]
			})
		);
	if (model.contact.length) {
		const parts: ParagraphChild[] = [];
		model.contact.forEach((c, i) => {
			if (i > 0) parts.push(new TextRun({ text: '  ·  ', ...muted }));
			const run = new TextRun({ text: c.text, ...muted });
			parts.push(c.href ? new ExternalHyperlink({ link: c.href, children: [run] }) : run);
		});
		out.push(new Paragraph({ alignment: align, spacing: { before: twips(3) }, children: parts }));
	}

	if (model.summary.length) {
		out.push(new Paragraph({ heading: HeadingLevel.HEADING_1, text: 'Summary' }));
		model.summary.forEach((p, i) =>
			out.push(new Paragraph({ text: p, spacing: { before: i ? twips(t.gap.entry / 2) : 0 } }))
		);
	}

	const when = (e: ResumeEntry, extra = {}) =>
		e.when ? [new TextRun({ children: [new Tab(), e.when], bold: false, ...muted, ...extra })] : [];

	for (const section of model.sections) {
		out.push(new Paragraph({ heading: HeadingLevel.HEADING_1, text: section.title }));
		section.entries.forEach((e, i) => out.push(...entry(section, e, i)));
	}
	return out;

	function entry(section: ResumeSection, e: ResumeEntry, i: number): Paragraph[] {
		if (section.layout === 'lines') {
			const { lead, rest } = entryLine(section, e);
			return [
				new Paragraph({
					tabStops: rightTab,
					spacing: { before: i ? twips(t.gap.bullet + 1) : 0 },
					children: [
						...(lead ? [new TextRun({ text: lead, bold: true })] : []),
						...(rest ? [new TextRun({ text: rest })] : []),
						...when(e)
					]
				})
			];
		}
		const hasMore = !!(e.text || e.bullets.length);
		const paragraphs = [
			new Paragraph({
				heading: HeadingLevel.HEADING_2,
				tabStops: rightTab,
				...(i === 0 ? { spacing: { before: 0 } } : {}),
				children: [
					new TextRun({ text: e.heading || e.sub }),
					...when(e, { size: half(t.size.body + 0.5) })
				]
			})
		];
		if (e.sub && e.heading)
			paragraphs.push(
				new Paragraph({
					keepNext: hasMore,
					children: [
						new TextRun({ text: e.sub, italics: t.italicSub, ...(t.italicSub ? {} : muted) })
					]
				})
			);
		if (e.text)
			paragraphs.push(
				new Paragraph({
					text: e.text,
					keepNext: e.bullets.length > 0,
					spacing: { before: twips(1) }
				})
			);
		for (const b of e.bullets)
			paragraphs.push(new Paragraph({ text: b, numbering: { reference: BULLETS, level: 0 } }));
		return paragraphs;
	}
}
