/** Title and company of a posting, from its first lines, labels or prose. */

const JOB_WORD =
	/\b(engineer|developer|designer|manager|scientist|analyst|lead|director|architect|specialist|consultant|administrator|admin|intern|head|officer|writer|researcher|coordinator|associate|assistant|recruiter|accountant|programmer|technician|strategist|owner|marketer|editor|representative|executive|advocate|sre|devops|vp|president|principal|staff)\b/i;
const EMPLOYMENT_WORD =
	/^(remote|hybrid|on[\s-]?site|full[\s-]?time|part[\s-]?time|contract|freelance|permanent|temporary|internship|usa?|uk|eu|europe|anywhere|worldwide|global)\b/i;
const SEPARATOR = /\s+(?:[—–|·•]|-{1,2})\s+|\s*[|·•]\s*/;
/** Separators that part a title from a company; " - " may also join a title and its team. */
const STRONG_SEPARATOR = /\s+[—–|·•]\s+|\s*[|·•]\s*/;
const LABEL = (names: string) => new RegExp(`^\\s*(?:${names})\\s*:\\s*(.+)$`, 'i');
const TITLE_LABEL = LABEL('job title|title|position|role|job');
const COMPANY_LABEL = LABEL('company|employer|organi[sz]ation|company name');
const NOT_COMPANY = /^(the|our|this|a|an|us|you|your|we|role|team|job|position|company)\b/i;

const firstLines = (lines: string[], n: number) =>
	lines
		.map((l) => l.replace(/^\s*#{1,6}\s+/, '').trim())
		.filter((l) => l.length > 0)
		.slice(0, n);

const looksLikeTitle = (text: string) =>
	text.length <= 80 &&
	text.split(/\s+/).length <= 10 &&
	!/[.!?]$/.test(text) &&
	JOB_WORD.test(text);

function splitTitleLine(line: string): { title: string; company: string | null } | null {
	const at = /^(.+?)\s+(?:at|@)\s+([A-Z][\w&.'’ -]{0,60})$/.exec(line);
	if (at && looksLikeTitle(at[1] ?? '')) {
		return { title: (at[1] ?? '').trim(), company: cleanCompany(at[2] ?? '') };
	}
	// "Product Manager - Growth | Fennel Health": the team stays with the title.
	const strong = line.split(STRONG_SEPARATOR).map((p) => p.trim());
	const parts = strong.length > 1 ? strong : line.split(SEPARATOR).map((p) => p.trim());
	if (parts.length > 1) {
		const i = parts.findIndex(looksLikeTitle);
		if (i >= 0) {
			const other = parts.find((p, j) => j !== i && isCompanyCandidate(p));
			return { title: parts[i] ?? '', company: other ? cleanCompany(other) : null };
		}
	}
	return looksLikeTitle(line) ? { title: line, company: null } : null;
}

function cleanCompany(text: string): string {
	return text
		.replace(/\s*\(.*$/, '')
		.replace(/[,.;:]+$/, '')
		.trim();
}

function isCompanyCandidate(text: string): boolean {
	const t = cleanCompany(text);
	return (
		t.length > 0 &&
		t.split(/\s+/).length <= 5 &&
		/^[\p{Lu}\d]/u.test(t) &&
		!EMPLOYMENT_WORD.test(t) &&
		!NOT_COMPANY.test(t) &&
		!JOB_WORD.test(t) &&
		!/,\s*[A-Z]{2}\b/.test(t)
	);
}

/** How often a name recurs in the posting: a company's own name does, a team's rarely. */
function mentions(name: string, lines: string[]): number {
	const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
	return (
		lines.join('\n').match(new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'gu')) ??
		[]
	).length;
}

/**
 * The title line and what it says. "Logistics Manager — Regional Distribution Center" over
 * "Brightwater Home | Groveport, OH": the part after the dash names no company when the next
 * line's first part is a name the posting uses more often; then the whole line is the title.
 */
function titleLine(
	lines: string[]
): { title: string; company: string | null; index: number } | null {
	const head = firstLines(lines, 3);
	const index = head.findIndex((l) => splitTitleLine(l) !== null);
	if (index < 0) return null;
	const line = head[index] ?? '';
	const split = splitTitleLine(line)!;
	const next = head[index + 1]?.split(SEPARATOR)[0]?.trim();
	if (
		split.company &&
		next &&
		next !== head[index + 1] &&
		isCompanyCandidate(next) &&
		mentions(cleanCompany(next), lines) > mentions(split.company, lines)
	) {
		return { title: line, company: cleanCompany(next), index };
	}
	return { ...split, index };
}

export function extractTitle(lines: string[]): string {
	for (const line of lines) {
		const m = TITLE_LABEL.exec(line);
		if (m?.[1]) return m[1].trim();
	}
	const head = firstLines(lines, 3);
	const found = titleLine(lines);
	if (found) return found.title;
	const prose = lines.join(' ');
	const hiring =
		/\b(?:hiring|seeking|looking for|searching for|recruiting|join us as|join our team as)\s+(?:an?\s+|our\s+(?:next|first)\s+)?((?:[A-Z][\w/&+.-]*\s+){0,5}[A-Z][\w/&+.-]*)/.exec(
			prose
		);
	if (hiring?.[1] && JOB_WORD.test(hiring[1])) return hiring[1].trim();
	const first = head[0] ?? '';
	return first.length > 0 ? first.slice(0, 80) : 'Untitled opportunity';
}

export function extractCompany(lines: string[]): string | null {
	for (const line of lines) {
		const m = COMPANY_LABEL.exec(line);
		if (m?.[1]) return cleanCompany(m[1]);
	}
	const head = firstLines(lines, 3);
	const found = titleLine(lines);
	const titleIndex = found?.index ?? -1;
	if (found?.company) return found.company;
	const about = lines
		.map((l) => /^\s*(?:#{1,6}\s+)?about\s+(.+?)\s*:?\s*$/i.exec(l)?.[1])
		.find((name): name is string => !!name && isCompanyCandidate(name));
	// The line after the title often reads "Company — City (hybrid)" or "Company · Remote".
	const next = titleIndex >= 0 ? head[titleIndex + 1] : undefined;
	const first = next?.split(SEPARATOR)[0]?.trim();
	if (first && next && next !== first && isCompanyCandidate(first)) return cleanCompany(first);
	if (about) return cleanCompany(about);
	const prose =
		/(?:^|\n)\s*([A-Z][\w&.'’-]+(?:\s+[A-Z][\w&.'’-]+){0,2})\s+(?:is|helps|builds|makes|writes|creates|powers|connects)\s/.exec(
			lines.join('\n')
		);
	if (prose?.[1] && isCompanyCandidate(prose[1]) && !/^(we|it|this)$/i.test(prose[1])) {
		return prose[1];
	}
	return null;
}
