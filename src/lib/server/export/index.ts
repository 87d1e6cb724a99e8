import {
	defaultPaper,
	type ExportFormat,
	type PaperSize,
	type ResumeTemplate
} from '../../schemas/api';
import type { JsonResume } from '../../schemas/profile';
import type { ProfileView } from '../domain/profiles';
import { toDocx } from './docx';
import { toHtml } from './html';
import { toMarkdown } from './markdown';
import { toNotes } from './notes';
import { toPdf } from './pdf';
import { resumeModel } from './resume-model';
import { DEFAULT_TEMPLATE } from './templates';

/**
 * A tailored profile as a file. PDF, Word, Markdown, HTML and JSON Resume hold the resume only —
 * name, contact details, the narrative as its summary, the selected entries — and are what an
 * employer may see; `notes` holds the rest, for the person. All resume formats render one model
 * (`resume-model.ts`), so they say the same thing.
 */

export type TextFile = {
	filename: string;
	contentType: string;
	encoding: 'utf-8';
	content: string;
};
export type BinaryFile = {
	filename: string;
	contentType: string;
	encoding: 'binary';
	content: Uint8Array<ArrayBuffer>;
};
export type ExportedFile = TextFile | BinaryFile;

/** As the API returns it (JSON): binary files base64-encoded. */
export type TransportedFile =
	TextFile | (Omit<BinaryFile, 'encoding' | 'content'> & { encoding: 'base64'; content: string });

export type ExportOptions = {
	/** The look of PDF, Word and HTML; `classic` when left out. */
	template?: ResumeTemplate;
	/** PDF and Word paper; by default US Letter for a resume located in the US or Canada, else A4. */
	paper?: PaperSize;
};

export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);

/** The tailored resume as plain JSON Resume: the provenance arrays are dropped. */
export function cleanResume(resume: JsonResume): JsonResume {
	const strip = (v: unknown): unknown => {
		if (Array.isArray(v)) return v.map(strip);
		if (!isObj(v)) return v;
		return Object.fromEntries(
			Object.entries(v)
				.filter(([k]) => k !== 'highlightClaimIds' && k !== 'claimIds')
				.map(([k, x]) => [k, strip(x)])
		);
	};
	return strip(resume) as JsonResume;
}

/** Letters that Unicode does not decompose into a base letter and an accent. */
const LETTERS: Record<string, string> = {
	ł: 'l',
	ø: 'o',
	đ: 'd',
	ð: 'd',
	þ: 'th',
	ß: 'ss',
	æ: 'ae',
	œ: 'oe',
	ı: 'i'
};

const slug = (s: string) =>
	s
		.toLowerCase()
		.replace(/[łøđðþßæœı]/g, (c) => LETTERS[c]!)
		.normalize('NFKD')
		.replace(/\p{M}/gu, '')
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '')
		.slice(0, 60)
		.replace(/-+$/, '');

/** `ines-varga-senior-data-scientist-tern.pdf`: who, for which job. */
function filenameFor(name: string, view: ProfileView, ext: string) {
	const { title, company } = view.opportunity;
	const parts = [slug(name), slug([title, company].filter(Boolean).join(' '))].filter(Boolean);
	return `${parts.join('-') || 'resume'}.${ext}`;
}

export async function exportProfile(
	view: ProfileView,
	format: ExportFormat,
	options: ExportOptions = {}
): Promise<ExportedFile> {
	const model = resumeModel(view.resume, view.narrative);
	const template = options.template ?? DEFAULT_TEMPLATE;
	const paper = options.paper ?? defaultPaper(model.countryCode);
	const name = (ext: string) => filenameFor(model.name, view, ext);
	const text = (ext: string, contentType: string, content: string): TextFile => ({
		filename: name(ext),
		contentType,
		encoding: 'utf-8',
		content
	});
	const binary = (
		ext: string,
		contentType: string,
		content: Uint8Array<ArrayBuffer>
	): BinaryFile => ({
		filename: name(ext),
		contentType,
		encoding: 'binary',
		content
	});
	switch (format) {
		case 'pdf':
			return binary('pdf', 'application/pdf', await toPdf(model, { template, paper }));
		case 'docx':
			return binary('docx', DOCX_TYPE, await toDocx(model, { template, paper }));
		case 'markdown':
			return text('md', 'text/markdown; charset=utf-8', toMarkdown(model));
		case 'json-resume':
			return text(
				'json',
				'application/json',
				`${JSON.stringify(cleanResume(view.resume), null, 2)}\n`
			);
		case 'html':
			return text('html', 'text/html; charset=utf-8', toHtml(model, template));
		case 'notes':
			return text('notes.md', 'text/markdown; charset=utf-8', toNotes(view));
	}
}

/** The file for a JSON answer: text as it is, bytes as base64. */
export function transportable(file: ExportedFile): TransportedFile {
	if (file.encoding === 'utf-8') return file;
	return { ...file, encoding: 'base64', content: Buffer.from(file.content).toString('base64') };
}
