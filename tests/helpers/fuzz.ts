import fc from 'fast-check';

/**
 * Arbitraries for the fuzz suites: random and hostile values of the kinds a client can send
 * (huge strings, deep JSON, wrong types, unicode, NUL bytes, lone surrogates, SQL and HTML).
 * The seed is fixed so every run of `npm test` tries the same values; a failure prints the
 * seed and path fast-check needs to replay it.
 */

export const FUZZ_SEED = 20_261_128;

/** `fc.assert` options: the fixed seed, and no endless shrinking of a slow failure. */
export const fuzzOptions = (numRuns: number) => ({
	seed: FUZZ_SEED,
	numRuns,
	endOnFailure: true
});

/** Pieces of text that have broken parsers, databases and pages before. */
export const HOSTILE_FRAGMENTS = [
	'\u0000',
	'a\u0000b',
	'\ud800',
	'\udfff',
	'\ud83d',
	'<script>alert(1)</script>',
	'"><img src=x onerror=alert(1)>',
	"'><svg onload=alert(1)>",
	'javascript:alert(1)',
	"'; drop table claims; --",
	"' or '1'='1",
	'$1; select pg_sleep(10)',
	'\\',
	'"',
	'`',
	'${7*7}',
	'{{7*7}}',
	'%00',
	'%s%n',
	'../../etc/passwd',
	'__proto__',
	'constructor',
	'\u202e',
	'\ufeff',
	'\u200b',
	'\uffff',
	'e\u0301',
	'🙂',
	'👩🏽‍💻',
	'日本語',
	'עברית',
	'\r\n',
	'\t',
	'\u2028',
	'*',
	'_',
	'**',
	'[a](',
	'# ',
	'- ',
	'1. ',
	'~1',
	'/',
	' '
] as const;

/** Text made of hostile fragments. */
export const fragmentText = (maxPieces = 16) =>
	fc.array(fc.constantFrom(...HOSTILE_FRAGMENTS), { maxLength: maxPieces }).map((a) => a.join(''));

/** One fragment (or a short word) repeated to a large size: long inputs, quadratic regexes. */
export const hugeText = (min: number, max: number) =>
	fc
		.tuple(
			fc.constantFrom(...HOSTILE_FRAGMENTS, 'x', 'x *y ', '[a](', 'x _y ', 'Aa ', '1 ', 'a, '),
			fc.integer({ min, max })
		)
		.map(([f, n]) => f.repeat(Math.ceil(n / f.length)).slice(0, n));

/** Any string a client could send, weighted towards short ones. */
export const hostileString = (hugeMax = 150_000) =>
	fc.oneof(
		{ arbitrary: fc.string({ unit: 'binary', maxLength: 80 }), weight: 4 },
		{ arbitrary: fc.string({ unit: 'grapheme', maxLength: 80 }), weight: 3 },
		{ arbitrary: fragmentText(), weight: 5 },
		{ arbitrary: fc.constantFrom('', ' ', '\n\t '), weight: 1 },
		{ arbitrary: hugeText(1_000, hugeMax), weight: 1 }
	);

/**
 * JSON text spliced into a request as is: nesting deeper than `JSON.stringify` can write (its
 * recursion overflows the stack long before a 1 MB body is full). Shown by its size in reports.
 */
export class RawJson {
	constructor(
		readonly text: string,
		readonly label: string
	) {}
	[fc.toStringMethod]() {
		return `RawJson(${this.label})`;
	}
}

/** JSON nested `depth` levels deep, as arrays or objects, around a string leaf. */
export function nested(depth: number, as: 'array' | 'object'): RawJson {
	const [open, close] = as === 'array' ? ['[', ']'] : ['{"a":', '}'];
	return new RawJson(
		`${open.repeat(depth)}"x"${close.repeat(depth)}`,
		`${as} nested ${depth} deep`
	);
}

export const deepJson = fc
	.tuple(
		fc.integer({ min: 20, max: 50_000 }),
		fc.constantFrom('array', 'object') as fc.Arbitrary<'array' | 'object'>
	)
	.map(([depth, as]) => nested(depth, as));

/** `JSON.stringify`, with every `RawJson` inside written as its own text. */
export function toJson(value: unknown): string {
	const raws: RawJson[] = [];
	const text = JSON.stringify(value, (_key, v: unknown) => {
		if (v instanceof RawJson) {
			raws.push(v);
			return `\u0001raw${raws.length - 1}\u0001`;
		}
		return v;
	});
	return raws.reduce((out, raw, i) => out.replace(`"\\u0001raw${i}\\u0001"`, () => raw.text), text);
}

/** Values of the wrong type for almost any field. */
export const wrongType = fc.oneof(
	fc.integer(),
	fc.double(),
	fc.boolean(),
	fc.constant(null),
	fc.constant([]),
	fc.constant({}),
	fc.array(fc.integer(), { maxLength: 4 }),
	fc.dictionary(fc.string({ maxLength: 5 }), fc.integer(), { maxKeys: 3 })
);

/** Any JSON value, with keys and strings from the whole of Unicode (NUL included). */
export const anyJson = fc.oneof(
	{ arbitrary: fc.jsonValue({ maxDepth: 4, stringUnit: 'binary' }), weight: 4 },
	{
		arbitrary: fc.jsonValue({ maxDepth: 3, stringUnit: fc.constantFrom(...HOSTILE_FRAGMENTS) }),
		weight: 3
	},
	{ arbitrary: deepJson, weight: 1 }
);

/** A value for one field: usually of the right kind (a string), often hostile, sometimes not. */
export const fieldValue = (hugeMax?: number) =>
	fc.oneof(
		{ arbitrary: hostileString(hugeMax), weight: 6 },
		{ arbitrary: wrongType, weight: 2 },
		{ arbitrary: deepJson, weight: 1 },
		{ arbitrary: fc.constant(undefined), weight: 1 }
	);
