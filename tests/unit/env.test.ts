import { describe, expect, it } from 'vitest';
import { ConfigError, parseEnv } from '../../src/lib/server/env';

describe('parseEnv', () => {
	it('gives the documented defaults for an empty environment', () => {
		const env = parseEnv({});
		expect(env.PORT).toBe(3000);
		expect(env.DATA_DIR).toBe('.data');
		expect(env.WORKER).toBe(true);
		expect(env.DATABASE_URL).toBeUndefined();
		expect(env.TAILOR_ENGINE).toBe('local');
		expect(env.TAILOR_USER_CONCURRENCY).toBe(2);
		expect(env.TAILOR_MONTHLY_LIMIT).toBe(50);
	});

	it('reads and converts values', () => {
		const env = parseEnv({
			PORT: '8080',
			WORKER: 'off',
			DATABASE_URL: 'postgres://u:p@db:5432/tailor',
			TAILOR_USER_CONCURRENCY: '1'
		});
		expect(env).toMatchObject({ PORT: 8080, WORKER: false, TAILOR_USER_CONCURRENCY: 1 });
		expect(env.DATABASE_URL).toBe('postgres://u:p@db:5432/tailor');
	});

	it('treats an empty value as unset', () => {
		expect(parseEnv({ PORT: '', DATABASE_URL: ' ' }).PORT).toBe(3000);
	});

	it.each([
		['PORT', 'abc'],
		['PORT', '70000'],
		['WORKER', 'maybe'],
		['DATABASE_URL', 'mysql://x'],
		['TAILOR_ENGINE', 'gpt'],
		['TAILOR_MONTHLY_LIMIT', '0'],
		['LOG_LEVEL', 'loud'],
		['TAILOR_AUTH_MAX_FAILURES', '0'],
		['TAILOR_AUTH_MAX_ACCOUNT_FAILURES', 'many'],
		['TAILOR_AUTH_ADDRESS_POINTS', '1.5'],
		['TAILOR_AUTH_ADDRESS_WINDOW_S', '-60'],
		['TAILOR_AUTH_BLOCK_S', '0'],
		['TAILOR_AUTH_MAX_BLOCK_S', 'forever'],
		['TAILOR_SSE_MAX_STREAMS', '0']
	])('names %s when it is %j, in one line', (variable, value) => {
		let error: unknown;
		try {
			parseEnv({ [variable]: value });
		} catch (e) {
			error = e;
		}
		expect(error).toBeInstanceOf(ConfigError);
		const message = (error as ConfigError).message;
		expect((error as ConfigError).variable).toBe(variable);
		expect(message).toContain(variable);
		expect(message).toContain(JSON.stringify(value));
		expect(message).not.toContain('\n');
	});

	it('asks for an API key when the openai engine has no endpoint', () => {
		expect(() => parseEnv({ TAILOR_ENGINE: 'openai' })).toThrow(/OPENAI_API_KEY/);
		expect(parseEnv({ TAILOR_ENGINE: 'openai', OPENAI_API_KEY: 'sk-x' }).TAILOR_ENGINE).toBe(
			'openai'
		);
	});

	it('has limits on sign-in, sign-up and live streams by default', () => {
		expect(parseEnv({})).toMatchObject({
			TAILOR_AUTH_MAX_FAILURES: 5,
			TAILOR_AUTH_MAX_ACCOUNT_FAILURES: 20,
			TAILOR_AUTH_ADDRESS_POINTS: 100,
			TAILOR_AUTH_ADDRESS_WINDOW_S: 900,
			TAILOR_AUTH_BLOCK_S: 60,
			TAILOR_AUTH_MAX_BLOCK_S: 900,
			TAILOR_SSE_MAX_STREAMS: 20
		});
	});

	it('refuses a longest block shorter than the first', () => {
		expect(() => parseEnv({ TAILOR_AUTH_BLOCK_S: '600', TAILOR_AUTH_MAX_BLOCK_S: '60' })).toThrow(
			'Invalid configuration: TAILOR_AUTH_MAX_BLOCK_S is 60: expected at least TAILOR_AUTH_BLOCK_S (600)'
		);
	});
});
