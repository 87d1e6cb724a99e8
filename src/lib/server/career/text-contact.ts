/**
 * The contact lines at the top of a pasted resume: email, phone, location and links, as JSON
 * Resume's `basics` holds them.
 */

type Obj = Record<string, unknown>;

export const EMAIL = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/;
export const URL = /\bhttps?:\/\/[^\s)>\]]+/;
/** A link written without its scheme: "linkedin.com/in/ada", "www.ada.dev", "ada-brennan.com". */
const BARE_URL =
	/(?<![@\w.-])(?:www\.)?[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?)*\.(?:com|org|net|io|dev|me|co|app|ai|info|biz|design|page|site|tech|xyz|uk|de|ca|eu|nl|fr|es|it|ie|au|nz|in|us|online|studio|blog|work)(?:\/[^\s)>\],;|·•]*)?(?![\w@])/i;
/** Seven digits or more with the usual punctuation: "+44 20 7946 0000", "(614) 555-0142". */
const PHONE = /(?:\+\s?)?\(?\d[\d\s().-]{5,}\d/;

const US_STATES = new Set(
	(
		'AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM ' +
		'NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY DC PR'
	).split(' ')
);
const CA_PROVINCES = new Set('AB BC MB NB NL NS NT NU ON PE QC SK YT'.split(' '));
const COUNTRIES: Record<string, string> = {
	usa: 'US',
	us: 'US',
	'united states': 'US',
	'united states of america': 'US',
	uk: 'GB',
	'united kingdom': 'GB',
	england: 'GB',
	scotland: 'GB',
	wales: 'GB',
	'northern ireland': 'GB',
	canada: 'CA',
	ireland: 'IE',
	australia: 'AU',
	'new zealand': 'NZ',
	germany: 'DE',
	france: 'FR',
	spain: 'ES',
	portugal: 'PT',
	italy: 'IT',
	netherlands: 'NL',
	'the netherlands': 'NL',
	belgium: 'BE',
	switzerland: 'CH',
	austria: 'AT',
	sweden: 'SE',
	norway: 'NO',
	denmark: 'DK',
	finland: 'FI',
	poland: 'PL',
	hungary: 'HU',
	'czech republic': 'CZ',
	czechia: 'CZ',
	greece: 'GR',
	india: 'IN',
	singapore: 'SG',
	japan: 'JP',
	mexico: 'MX',
	brazil: 'BR',
	argentina: 'AR',
	nigeria: 'NG',
	kenya: 'KE',
	'south africa': 'ZA',
	philippines: 'PH'
};

const PLACE = "[\\p{Lu}][\\p{L}.'’-]*(?:\\s+[\\p{L}][\\p{L}.'’-]*){0,3}";
const LOCATION_RE = new RegExp(
	`^(${PLACE}),\\s*(${PLACE}|[A-Z]{2})(?:,\\s*(${PLACE}))?(?:\\s+(\\d{5}(?:-\\d{4})?|[A-Z]\\d[A-Z]\\s?\\d[A-Z]\\d))?$`,
	'u'
);

export type Location = {
	city: string;
	region?: string;
	postalCode?: string;
	countryCode?: string;
};

/** "Columbus, OH 43215", "Toronto, ON, Canada", "Leeds, UK"; null for anything else. */
export function parseLocation(text: string): Location | null {
	const t = text.trim();
	if (t.length > 80) return null;
	const m = LOCATION_RE.exec(t);
	if (!m) return null;
	const city = m[1] ?? '';
	const second = m[2] ?? '';
	const third = m[3];
	const postalCode = m[4];
	const country = (name: string | undefined) =>
		name ? COUNTRIES[name.toLowerCase().replace(/\./g, '')] : undefined;
	const out: Location = { city };
	if (postalCode) out.postalCode = postalCode;
	if (third) {
		const code = country(third);
		if (!code) return null;
		out.region = second;
		out.countryCode = code;
		return out;
	}
	if (US_STATES.has(second)) return { ...out, region: second, countryCode: 'US' };
	if (CA_PROVINCES.has(second)) return { ...out, region: second, countryCode: 'CA' };
	const code = country(second);
	if (code) return { ...out, countryCode: code };
	// "Bavaria" or "Jalisco": a region of a country not named.
	if (/^[A-Z]{2}$/.test(second) || postalCode) return null;
	return { ...out, region: second };
}

const NETWORKS: [string, RegExp][] = [
	['LinkedIn', /linkedin\.com\/(?:in|pub)\/([^/?#\s]+)/i],
	['GitHub', /github\.com\/([^/?#\s]+)/i],
	['GitLab', /gitlab\.com\/([^/?#\s]+)/i],
	['Twitter', /(?:twitter|x)\.com\/([^/?#\s]+)/i],
	['Behance', /behance\.net\/([^/?#\s]+)/i],
	['Dribbble', /dribbble\.com\/([^/?#\s]+)/i],
	['Medium', /medium\.com\/@?([^/?#\s]+)/i],
	['Stack Overflow', /stackoverflow\.com\/users\/([^?#\s]+)/i]
];

/** Splits a contact line on its separators: "a@b.c | +1 555 0100 · Leeds, UK". */
function pieces(line: string): string[] {
	return line
		.split(/\s*[|·•‧⋅]\s*|\s{3,}|\t+|\s+[—–]\s+|\s+-\s+/)
		.map((p) =>
			p
				.replace(
					/^\s*(?:e-?mail|phone|tel|mobile|cell|web(?:site)?|linkedin|github|portfolio|location|address)\s*[:：]\s*/i,
					''
				)
				.trim()
		)
		.filter(Boolean);
}

const withScheme = (url: string) => (/^https?:\/\//i.test(url) ? url : `https://${url}`);

function addLink(basics: Obj, raw: string) {
	const url = withScheme(raw.replace(/[.,;]+$/, ''));
	for (const [network, re] of NETWORKS) {
		const m = re.exec(url);
		if (!m) continue;
		const profiles = (basics.profiles ??= []) as Obj[];
		if (!profiles.some((p) => p.network === network)) {
			profiles.push({ network, username: decodeURIComponentSafe(m[1] ?? ''), url });
		}
		return;
	}
	basics.url ??= url;
}

function decodeURIComponentSafe(s: string): string {
	try {
		return decodeURIComponent(s);
	} catch {
		return s;
	}
}

function phoneOf(text: string): string | undefined {
	const m = PHONE.exec(text);
	if (!m) return undefined;
	const phone = m[0].trim();
	const digits = phone.replace(/\D/g, '');
	// Years ("2019 – 2023") and postal codes are not phone numbers.
	if (digits.length < 7 || digits.length > 15) return undefined;
	if (/^(?:19|20)\d{2}\s*[-–]\s*(?:19|20)\d{2}$/.test(phone)) return undefined;
	return phone;
}

/**
 * Reads one header line as contact details into `basics` when it is one. Returns null when the
 * line holds no contact detail (a name, a headline, prose), otherwise the pieces it could not
 * place ("Open to relocation"), so that nothing the person wrote is lost.
 */
export function readContactLine(line: string, basics: Obj): string[] | null {
	const left: string[] = [];
	const all = pieces(line);
	const isContact = (p: string) =>
		EMAIL.test(p) || URL.test(p) || BARE_URL.test(p) || !!phoneOf(p) || !!parseLocation(p);
	if (!all.some(isContact)) return null;
	for (const piece of all) {
		let rest = piece;
		const email = EMAIL.exec(rest)?.[0];
		if (email) {
			basics.email ??= email;
			rest = rest.replace(email, ' ');
		}
		for (const re of [URL, BARE_URL]) {
			let m = re.exec(rest);
			while (m) {
				addLink(basics, m[0]);
				rest = rest.replace(m[0], ' ');
				m = re.exec(rest);
			}
		}
		const phone = phoneOf(rest);
		if (phone) {
			basics.phone ??= phone;
			rest = rest.replace(phone, ' ');
		}
		rest = rest.replace(/\s+/g, ' ').trim();
		const location = rest ? parseLocation(rest) : null;
		if (location && !basics.location) {
			basics.location = location;
			rest = '';
		}
		if (rest.replace(/[\s,;:()-]+/g, '')) left.push(rest);
	}
	return left;
}
