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
		['LOG_LEVEL', 'loud']
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
});
