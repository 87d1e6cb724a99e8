import type { ParsedPosting, Requirement, RequirementKind } from '../../../schemas/profile';
import { findSkills } from '../lexicon';
import { sentences } from '../text';
import { extractCompany, extractTitle } from './posting-header';

/**
 * Parses a pasted job posting into title, company and requirements. Requirements come from the
 * bullet lists (or inline "Requirements: a; b; c" paragraphs) under requirement-like headings;
 * what the job involves, benefits and company blurbs are not requirements.
 */

type Section = RequirementKind | 'duties' | 'ignore' | 'unknown';

const PREFERRED_HEADING =
	/nice[\s-]to[\s-]have|bonus|preferred|pluses|extra credit|would be great|great if|desirable|good to have|not required|optional|plus if|even better/;
/** What the job involves: duties, not requirements of the person. */
const DUTIES_HEADING =
	/responsibilit|duties|\bduty\b|(?:essential|key|primary|main|core) (?:functions?|tasks?)|what you(?:'|’)?ll (?:do|work|own|build)|what you will|day[\s-]to[\s-]day|in this role|your impact|the work/;
const REQUIRED_HEADING =
	/requirement|qualification|licen[cs]|certification|credential|what you(?:'|’)?ll (?:need|bring)|what you (?:need|bring|must|should)|must[\s-]have|who you are|about you|looking for|you have|you bring|you(?:'|’)ll have|skills|experience|your profile|ideal candidate|you should|to be successful|we expect|minimum|required|essential/;
const IGNORED_HEADING =
	/about|physical|demands|working conditions|schedule|travel|the role|the job|the position|the team|our team|benefit|perk|we offer|what we offer|compensation|salary|pay|who we are|how to apply|apply|stack|location|culture|values|why (?:join|work)|interview|process|mission|our story|equal opportunit|diversity|overview|description|summary|impact/;

function classifyHeading(text: string): Section {
	const t = text.toLowerCase();
	if (PREFERRED_HEADING.test(t)) return 'preferred';
	if (DUTIES_HEADING.test(t)) return 'duties';
	if (REQUIRED_HEADING.test(t)) return 'required';
	if (IGNORED_HEADING.test(t)) return 'ignore';
	return 'unknown';
}

const PREFERRED_PHRASE =
	/\b(nice[\s-]to[\s-]have|a plus|is a plus|are a plus|big plus|bonus|preferred|not required|appreciated|desirable|good to have|would be great|advantageous|an advantage)\b/i;
const RESPONSIBILITY = /^(you will|you(?:'|’)ll|in this role|your day|we will|we(?:'|’)ll)\b/i;
const NEEDS = /\b(need|have|bring|must)\b/i;
const BULLET = /^\s*(?:[-*•·–—▪◦●○■►✓✔]|\d{1,2}[.)])\s+(.*)$/;
const MD_HEADING = /^\s*#{1,6}\s+(.*?)\s*#*\s*$/;
const INLINE_LABEL = /^([A-Z][A-Za-z'’ /&-]{2,50}):\s+(\S.*)$/;

/**
 * Strips Markdown emphasis, code ticks and link syntax so headings and bullets read plainly.
 * Links and emphasis are bounded in length, stay on one line and do not nest: an unbounded match
 * retried at every `[` or `*` of a long line takes quadratic time (seconds for one posting).
 */
function plain(text: string): string {
	return text
		.replace(/\[([^[\]\n]{0,500})\]\([^()[\]\n]{0,2048}\)/g, '$1')
		.replace(/(\*\*|__)(.*?)\1/g, '$2')
		.replace(/(^|\W)[*_](\S(?:.{0,300}?\S)?)[*_](?=\W|$)/g, '$1$2')
		.replace(/`([^`]*)`/g, '$1');
}

function isHeadingLike(line: string): boolean {
	const t = line.trim();
	if (!t || t.length > 60 || BULLET.test(t)) return false;
	if (/[.;,]$/.test(t) || /^[a-z]/.test(t)) return false;
	return t.split(/\s+/).length <= 8;
}

function cleanItem(text: string): string {
	const t = text
		.replace(/\s+/g, ' ')
		.trim()
		.replace(/[;.,:]+$/, '')
		.trim();
	// "expert-level TypeScript" reads better capitalised; "dbt for analytics" must stay as written.
	const firstWord = /^\S+/.exec(t)?.[0] ?? '';
	return findSkills(firstWord).length > 0 ? t : t.charAt(0).toUpperCase() + t.slice(1);
}

/** Splits an inline list ("a; b; c. Sentence two.") into items. */
function splitInline(text: string): string[] {
	return text
		.split(/;\s*/)
		.flatMap((part) => sentences(part))
		.map(cleanItem)
		.filter((s) => s.length >= 2);
}

function toRequirement(text: string, kind: RequirementKind): Requirement | null {
	const clean = cleanItem(text);
	if (clean.length < 2) return null;
	if (RESPONSIBILITY.test(clean) && !NEEDS.test(clean)) return null;
	return {
		text: clean,
		kind: kind === 'required' && PREFERRED_PHRASE.test(clean) ? 'preferred' : kind,
		skills: findSkills(clean)
	};
}

type Block = { section: Section; kind: 'bullet' | 'paragraph'; text: string };

/** Groups lines into bullets and paragraphs, each tagged with the section it sits in. */
function blocks(lines: string[]): Block[] {
	const out: Block[] = [];
	let section: Section = 'unknown';
	let sectionHasBullets = false;
	let open: Block | null = null;
	const close = () => {
		if (open) out.push(open);
		open = null;
	};
	for (const raw of lines) {
		const line = raw.trim();
		if (!line) {
			close();
			continue;
		}
		const md = MD_HEADING.exec(line);
		const bullet = BULLET.exec(line);
		const label = INLINE_LABEL.exec(line);
		const labelSection = label ? classifyHeading(label[1] ?? '') : 'unknown';
		if (md) {
			close();
			section = classifyHeading(md[1] ?? '');
			sectionHasBullets = false;
		} else if (bullet) {
			close();
			sectionHasBullets = true;
			open = { section, kind: 'bullet', text: bullet[1] ?? '' };
		} else if (label && labelSection !== 'unknown') {
			close();
			section = labelSection;
			sectionHasBullets = false;
			open = { section, kind: 'paragraph', text: label[2] ?? '' };
		} else if (isHeadingLike(line) && !(open?.kind === 'paragraph' && /^[a-z(]/.test(line))) {
			const heading = classifyHeading(line.replace(/:$/, ''));
			// An unrecognised short line inside a requirement list is an item, not a heading.
			if (heading === 'unknown' && (section === 'required' || section === 'preferred')) {
				close();
				if (!line.endsWith(':')) out.push({ section, kind: 'bullet', text: line });
				continue;
			}
			close();
			section = heading;
			sectionHasBullets = false;
		} else if (open && (open.kind === 'paragraph' || /^[a-z(]/.test(line) || /^\s{2,}/.test(raw))) {
			open.text += ' ' + line;
		} else {
			close();
			// Prose after a bulleted list (benefits, a sign-off) is not part of that list.
			if (sectionHasBullets) section = 'unknown';
			open = { section, kind: 'paragraph', text: line };
		}
	}
	close();
	return out;
}

const MAX_REQUIREMENTS = 60;

const CUE =
	/\b(\d+\+?\s*(?:years?|yrs)|experience (?:with|in|building|designing|running)|proficien|familiar|knowledge of|expertise|degree|understanding of|track record|must)\b/i;

export function parsePosting(text: string): ParsedPosting {
	const lines = plain(String(text ?? '').replace(/\r\n?/g, '\n')).split('\n');
	const all = blocks(lines);
	const requirements: Requirement[] = [];
	const push = (r: Requirement | null) => {
		if (r && !requirements.some((o) => o.text.toLowerCase() === r.text.toLowerCase())) {
			requirements.push(r);
		}
	};
	for (const b of all) {
		if (b.section !== 'required' && b.section !== 'preferred') continue;
		const items = b.kind === 'bullet' ? [b.text] : splitInline(b.text);
		for (const item of items) push(toRequirement(item, b.section));
	}
	if (requirements.length === 0) {
		// No recognisable requirement section: fall back to sentences that read like requirements.
		for (const b of all) {
			if (b.section === 'ignore') continue;
			const items = b.kind === 'bullet' ? [b.text] : splitInline(b.text);
			for (const item of items) {
				if (CUE.test(item) && !RESPONSIBILITY.test(item.trim()))
					push(toRequirement(item, 'required'));
			}
		}
	}
	const duties = all
		.filter((b) => b.section === 'duties')
		.flatMap((b) => (b.kind === 'bullet' ? [b.text] : splitInline(b.text)))
		.map((d) => d.replace(/\s+/g, ' ').trim())
		.filter((d) => d.length > 0);
	// A posting with more requirements than this is pasted noise; the rest add nothing.
	return {
		title: extractTitle(lines),
		company: extractCompany(lines),
		requirements: requirements.slice(0, MAX_REQUIREMENTS),
		duties: [...new Set(duties)].slice(0, MAX_REQUIREMENTS)
	};
}
