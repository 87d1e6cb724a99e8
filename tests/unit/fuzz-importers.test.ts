import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { parsedPostingSchema } from '../../src/lib/schemas/profile';
import { findUnstorable, MAX_DEPTH, printable } from '../../src/lib/schemas/storable';
import {
	CareerImportError,
	exportJsonResume,
	IMPORT_LIMITS,
	importJsonResume,
	validateJsonResume
} from '../../src/lib/server/career/json-resume';
import { getAtPointer } from '../../src/lib/server/career/pointer';
import { parseTextResume } from '../../src/lib/server/career/text-resume';
import { parsePosting } from '../../src/lib/server/engines/local/posting';
import { FIXTURES, readJson } from './engines/load';
import {
	deepJson,
	fragmentText,
	fuzzOptions,
	hostileString,
	hugeText,
	nested,
	RawJson
} from '../helpers/fuzz';

// Property-based fuzzing of the importers (JSON Resume, pasted resume text, pasted postings) with
// random and hostile values: each either succeeds or refuses with its own error naming the path
// at fault, never throws anything else, and never takes long, whatever the input.

const ines = readJson(`${FIXTURES}careers/ines-varga.json`) as Record<string, unknown>;

/** Generous for inputs of at most a few hundred kB; the quadratic cases took seconds. */
const TIME_LIMIT_MS = 1_500;

// The importers load their word lists (WordNet, the skill lexicon) on first use: load them before
// any call is timed, so the limit measures the input's cost alone.
beforeAll(() => {
	importJsonResume(ines);
	parseTextResume(
		'Jo Smith\njo@example.com\n\nExperience\nNurse, Mercy Hospital, 2020 – present\n- Triaged 30 patients a shift.'
	);
	parsePosting('Nurse\nRequirements\n- RN licence');
});

function timed<T>(f: () => T): { value?: T; error?: unknown; ms: number } {
	const start = performance.now();
	try {
		const value = f();
		return { value, ms: performance.now() - start };
	} catch (error) {
		return { error, ms: performance.now() - start };
	}
}

/** Runs an importer: its result, or its CareerImportError (anything else fails the test). */
function imported<T>(f: () => T): { value?: T; error?: CareerImportError } {
	const { value, error, ms } = timed(f);
	expect(ms).toBeLessThan(TIME_LIMIT_MS);
	if (error === undefined) return { value };
	expect(error).toBeInstanceOf(CareerImportError);
	const e = error as CareerImportError;
	expect(e.message.trim().length).toBeGreaterThan(0);
	// eslint-disable-next-line no-control-regex
	expect(e.message.isWellFormed() && !/[\u0000-\u0008\u000e-\u001f]/.test(e.message)).toBe(true);
	for (const issue of e.issues) {
		expect(issue.path === '' || issue.path.startsWith('/')).toBe(true);
		expect(issue.message.trim().length).toBeGreaterThan(0);
	}
	return { error: e };
}

/** RawJson (too deep for fast-check to print) becomes its value only inside the property. */
const materialise = (v: unknown): unknown => (v instanceof RawJson ? JSON.parse(v.text) : v);

const text = fc.oneof(
	{ arbitrary: hostileString(20_000), weight: 5 },
	{ arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }), weight: 3 }
);
const opt = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined, freq: 3 });
const anyValue = fc.oneof(
	{ arbitrary: fc.jsonValue({ maxDepth: 4, stringUnit: 'binary' }), weight: 3 },
	{ arbitrary: text, weight: 2 },
	{ arbitrary: deepJson, weight: 1 }
);

/** Resume-shaped documents whose values are hostile, of the wrong type, or too deep. */
const resumeLike = fc.record(
	{
		basics: opt(
			fc.oneof(
				fc.record({ name: text, label: text, summary: text, email: text }, { requiredKeys: [] }),
				anyValue
			)
		),
		work: opt(
			fc.oneof(
				fc.array(
					fc.record(
						{
							name: fc.oneof(text, anyValue),
							position: text,
							startDate: fc.oneof(fc.constantFrom('2020-01', '2019', '2021-13'), text),
							highlights: fc.oneof(fc.array(text, { maxLength: 5 }), anyValue)
						},
						{ requiredKeys: [] }
					),
					{ maxLength: 4 }
				),
				anyValue
			)
		),
		skills: opt(
			fc.array(
				fc.record({ name: text, keywords: fc.oneof(fc.array(text, { maxLength: 6 }), anyValue) }),
				{ maxLength: 3 }
			)
		),
		education: opt(fc.array(fc.dictionary(text, anyValue, { maxKeys: 4 }), { maxLength: 2 })),
		projects: opt(anyValue),
		foreign: opt(anyValue)
	},
	{ requiredKeys: [] }
);

/** Valid JSON Resume documents with storable but unusual text, and section names to escape. */
const storableText = fc
	.oneof(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 30 }), fragmentText(6))
	.filter((s) => s.trim().length > 0 && findUnstorable(s) === null);
const validResume = fc.record({
	basics: fc.record({ name: storableText, summary: storableText }),
	work: fc.array(
		fc.record({
			name: storableText,
			position: storableText,
			summary: storableText,
			highlights: fc.array(storableText, { maxLength: 5 })
		}),
		{ minLength: 1, maxLength: 4 }
	),
	skills: fc.array(
		fc.record({ name: storableText, keywords: fc.array(storableText, { maxLength: 5 }) }),
		{ maxLength: 3 }
	),
	education: fc.array(
		fc.record({
			institution: storableText,
			studyType: storableText,
			courses: fc.array(storableText, { maxLength: 3 })
		}),
		{ maxLength: 2 }
	),
	'extra/section~1': fc.array(fc.record({ summary: storableText }), { maxLength: 2 })
});

describe('JSON Resume import', () => {
	it('any JSON value is imported or refused with a CareerImportError, never anything else', () => {
		fc.assert(
			fc.property(fc.oneof(anyValue, resumeLike), (input) => {
				const { value } = imported(() => importJsonResume(materialise(input)));
				if (value) {
					// Whatever is imported can be stored, and within the ceilings.
					expect(findUnstorable(value)).toBeNull();
					expect(value.claims.length).toBeLessThanOrEqual(IMPORT_LIMITS.claims);
				}
			}),
			fuzzOptions(400)
		);
	});

	it('JSON text, valid or not, is parsed or refused the same way', () => {
		fc.assert(
			fc.property(
				fc.oneof(fc.json({ maxDepth: 3, stringUnit: 'binary' }), hostileString(5_000)),
				(input) => void imported(() => importJsonResume(input))
			),
			fuzzOptions(200)
		);
	});

	it('a NUL or broken Unicode anywhere in a real resume is refused naming its path', () => {
		const { claims } = importJsonResume(ines);
		fc.assert(
			fc.property(
				fc.constantFrom(...claims.map((c) => c.sourcePath)),
				fc.constantFrom('\u0000', '\ud800', '\udc00'),
				fc.nat(),
				(claimPath, bad, at) => {
					const doc = structuredClone(ines);
					// The claim's own text (a highlight, summary, keyword) or, for a whole entry, its first string.
					let path = claimPath;
					let target = getAtPointer(doc, path);
					if (typeof target !== 'string') {
						const key = Object.keys(target as object).find(
							(k) => typeof (target as Record<string, unknown>)[k] === 'string'
						)!;
						path = `${path}/${key}`;
						target = getAtPointer(doc, path);
					}
					const s = target as string;
					const i = at % (s.length + 1);
					const tokens = path.slice(1).split('/');
					const parent = getAtPointer(doc, `/${tokens.slice(0, -1).join('/')}`) as Record<
						string,
						unknown
					>;
					parent[tokens.at(-1)!] = s.slice(0, i) + bad + s.slice(i);
					const { error } = imported(() => importJsonResume(doc));
					expect(error?.issues[0]?.path).toBe(path);
					expect(error?.message).toContain(path);
				}
			),
			fuzzOptions(100)
		);
	});

	it('nesting past the limit is refused at once, however deep', () => {
		fc.assert(
			fc.property(
				fc.constantFrom('basics', 'work', 'skills', 'meta', 'foreign'),
				deepJson,
				(section, deep) => {
					const depth = Number(/nested (\d+)/.exec(deep.label)![1]);
					const doc = { basics: { name: 'Ada' }, [section]: JSON.parse(deep.text) };
					const { error } = imported(() => importJsonResume(doc));
					if (depth + 1 > MAX_DEPTH) {
						expect(error?.message).toMatch(/nested too deeply/);
						expect(error?.issues[0]?.path.startsWith(`/${section}`)).toBe(true);
					}
				}
			),
			fuzzOptions(60)
		);
	});

	it('every claim of a valid document points at the text it was made from', () => {
		fc.assert(
			fc.property(validResume, (doc) => {
				const { value } = imported(() => importJsonResume(doc));
				expect(value).toBeDefined();
				for (const claim of value!.claims) {
					const source = getAtPointer(doc, claim.sourcePath);
					if (typeof source === 'string') expect(source.trim()).toBe(claim.text);
					else expect(source).toBeTypeOf('object');
				}
			}),
			fuzzOptions(150)
		);
	});

	it('export then import gives back the same claims', () => {
		fc.assert(
			fc.property(validResume, (doc) => {
				const first = importJsonResume(doc);
				const again = importJsonResume(exportJsonResume(first.items));
				const key = (c: { kind: string; text: string; sourcePath: string }) =>
					`${c.kind}|${c.sourcePath}|${c.text}`;
				expect(again.claims.map(key).sort()).toEqual(first.claims.map(key).sort());
			}),
			fuzzOptions(150)
		);
	});

	it('the importer itself refuses what it cannot store (not only the API)', () => {
		expect(validateJsonResume(ines)).toBe(ines);
		const nul = imported(() => validateJsonResume({ basics: { name: 'Ada\u0000' } })).error;
		expect(nul?.issues).toEqual([
			{ path: '/basics/name', message: expect.stringMatching(/NUL character/) }
		]);
		const surrogate = imported(() =>
			validateJsonResume({ basics: { name: 'Ada' }, work: [{ 'na\ud800me': 'x' }] })
		).error;
		expect(surrogate?.issues[0]?.path).toBe('/work/0/na\ud800me');
		expect(surrogate?.message).toMatch(/property name .*unpaired UTF-16 surrogate/);
	});
});

describe('regressions found by fuzzing', () => {
	it('a resume nested 20,000 levels deep is refused, not a stack overflow', () => {
		const deep = JSON.parse(nested(20_000, 'object').text) as unknown;
		const { error } = imported(() => importJsonResume({ basics: deep }));
		expect(error?.message).toMatch(/^Invalid JSON Resume: \/basics(\/a){31}: is nested too deeply/);
	});

	it('a section with more entries than can be imported is refused naming it', () => {
		const work = Array.from({ length: 20_000 }, (_, i) => ({ name: `N${i}`, highlights: ['x'] }));
		const { error } = imported(() => importJsonResume({ basics: { name: 'Ada' }, work }));
		expect(error?.issues).toEqual([
			{ path: '/work', message: 'has 20000 entries; at most 500 can be imported' }
		]);
	});

	it('more facts than one import can store are refused naming the biggest section', () => {
		const keywords = Array.from({ length: 6_000 }, (_, i) => `skill ${i}`);
		const { error } = imported(() =>
			importJsonResume({ basics: { name: 'Ada' }, skills: [{ name: 'All', keywords }] })
		);
		expect(error?.issues[0]?.path).toBe('/skills');
		expect(error?.message).toMatch(/6000 .*at most 5000/);
	});

	it('postings with long runs of link or emphasis openers parse in linear time', () => {
		for (const posting of ['x *y '.repeat(20_000), '[a]('.repeat(25_000), 'x _y '.repeat(20_000)]) {
			const { value, ms } = timed(() => parsePosting(posting));
			expect(ms).toBeLessThan(TIME_LIMIT_MS);
			expect(parsedPostingSchema.safeParse(value).success).toBe(true);
		}
	});
});

/** Pasted text: unicode, control characters, markup, and long runs of one fragment. */
const pasted = fc.oneof(
	{ arbitrary: fc.string({ unit: 'binary', maxLength: 400 }), weight: 3 },
	{ arbitrary: fc.string({ unit: 'grapheme', maxLength: 400 }), weight: 2 },
	{ arbitrary: fragmentText(60), weight: 4 },
	{
		arbitrary: fc
			.array(
				fc.oneof(
					fc.constantFrom(
						'Experience',
						'## Skills',
						'Education',
						'Requirements:',
						'Nice to have',
						'- ',
						'\n',
						'\n\n',
						'Senior Engineer — Acme (2019 – 2021)',
						'Jan 2020 - Present',
						'5+ years of Python',
						'a@b.co',
						'+1 (555) 010-0000',
						'https://x.example/y',
						'**',
						'[link](',
						'Skills: Go, SQL; Kafka'
					),
					fragmentText(4)
				),
				{ maxLength: 80 }
			)
			.map((a) => a.join(' ')),
		weight: 4
	},
	{ arbitrary: hugeText(10_000, 100_000), weight: 1 }
);

describe('pasted resume text', () => {
	it('becomes a valid JSON Resume or a CareerImportError, quickly, whatever is pasted', () => {
		fc.assert(
			fc.property(pasted, (input) => {
				const { value } = imported(() => parseTextResume(input));
				if (value) expect(() => validateJsonResume(value)).not.toThrow();
			}),
			fuzzOptions(300)
		);
	});

	it('a value that is not text is refused with a CareerImportError', () => {
		fc.assert(
			fc.property(
				fc.oneof(fc.integer(), fc.constant(null), fc.constant(undefined), fc.object()),
				(input) => {
					const { error } = imported(() => parseTextResume(input));
					expect(error).toBeDefined();
				}
			),
			fuzzOptions(50)
		);
	});
});

describe('pasted postings', () => {
	it('always parse into a title, company and at most 60 requirements, quickly', () => {
		fc.assert(
			fc.property(pasted, (input) => {
				const { value, error, ms } = timed(() => parsePosting(input));
				expect(error).toBeUndefined();
				expect(ms).toBeLessThan(TIME_LIMIT_MS);
				const parsed = parsedPostingSchema.parse(value);
				expect(parsed.requirements.length).toBeLessThanOrEqual(60);
				for (const r of parsed.requirements) expect(r.text.trim().length).toBeGreaterThan(0);
			}),
			fuzzOptions(300)
		);
	});
});

describe('what can be stored', () => {
	it('messages quote text printably: ordinary text as is, control characters and broken Unicode escaped', () => {
		fc.assert(
			fc.property(fc.string({ unit: 'binary', maxLength: 60 }), fragmentText(8), (a, b) => {
				const text = a + b;
				const shown = printable(text);
				expect(shown.isWellFormed()).toBe(true);
				// eslint-disable-next-line no-control-regex
				const control = /[\u0000-\u001f\u007f]/;
				expect(control.test(shown)).toBe(false);
				if (text.isWellFormed() && !control.test(text)) expect(shown).toBe(text);
			}),
			fuzzOptions(300)
		);
	});

	it(`nesting is refused from level ${MAX_DEPTH + 1} on, objects and arrays alike`, () => {
		for (const as of ['array', 'object'] as const) {
			expect(findUnstorable(JSON.parse(nested(MAX_DEPTH, as).text))).toBeNull();
			expect(findUnstorable(JSON.parse(nested(MAX_DEPTH + 1, as).text))?.message).toMatch(
				/nested too deeply/
			);
		}
	});
});
