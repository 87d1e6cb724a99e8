import { z } from 'zod';
import { API_BODY_LIMIT } from '../body-limits.js';

/**
 * The one place configuration is read. Everything comes from the environment, is validated once,
 * and a bad value stops the boot with a message naming the variable (see `ConfigError`).
 */

const bool = z
	.enum(['on', 'off', 'true', 'false', '1', '0', 'yes', 'no'], {
		error: 'expected on/off, true/false, yes/no or 1/0'
	})
	.transform((v) => ['on', 'true', '1', 'yes'].includes(v));

const port = z.coerce
	.number({ error: 'expected a port number' })
	.int({ error: 'expected a whole number' })
	.min(1, { error: 'expected a port between 1 and 65535' })
	.max(65535, { error: 'expected a port between 1 and 65535' });

const positiveInt = (fallback: number) =>
	z.coerce
		.number({ error: 'expected a number' })
		.int({ error: 'expected a whole number' })
		.min(1, { error: 'expected a number of at least 1' })
		.default(fallback);

const postgresUrl = z
	.string()
	.refine((v) => /^postgres(ql)?:\/\/.+/.test(v), { error: 'expected a postgres://… URL' });

export const envSchema = z.object({
	NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
	PORT: port.default(3000),
	HOST: z.string().min(1).default('0.0.0.0'),
	/** The public base URL of the web app, used for auth callbacks and the browser origin check. */
	ORIGIN: z
		.url({ error: 'expected an absolute URL such as https://tailor.example.com' })
		.optional(),
	/** An existing PostgreSQL server. Without it an embedded server is started with its data in DATA_DIR. */
	DATABASE_URL: postgresUrl.optional(),
	DATA_DIR: z.string().min(1).default('.data'),
	/**
	 * As root only: where the embedded PostgreSQL's binaries and data are kept when the `postgres`
	 * user it runs as cannot reach node_modules or DATA_DIR (a checkout under /root, say).
	 */
	TAILOR_ROOT_PG_DIR: z.string().min(1).default('/var/lib/tailor'),
	/** Run the job worker inside the web process. */
	WORKER: bool.default(true),
	/** Secret for signing session cookies; when unset one is generated and kept in the database. */
	AUTH_SECRET: z.string().min(32, { error: 'expected at least 32 characters' }).optional(),
	LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
	DB_POOL_SIZE: positiveInt(10),
	/** Jobs one worker process runs at once (per job type). */
	WORKER_CONCURRENCY: positiveInt(4),
	TAILOR_ENGINE: z.enum(['local', 'openai']).default('local'),
	TAILOR_USER_CONCURRENCY: positiveInt(2),
	TAILOR_MONTHLY_LIMIT: positiveInt(50),
	/**
	 * Sign-in and sign-up limits (auth-guard.ts): failed attempts in a row for one account from one
	 * address, failures per hour for one account from addresses new to it, attempts per address
	 * per window, and the first and longest block (it doubles in between).
	 */
	TAILOR_AUTH_MAX_FAILURES: positiveInt(5),
	TAILOR_AUTH_MAX_ACCOUNT_FAILURES: positiveInt(20),
	TAILOR_AUTH_ADDRESS_POINTS: positiveInt(100),
	TAILOR_AUTH_ADDRESS_WINDOW_S: positiveInt(15 * 60),
	TAILOR_AUTH_BLOCK_S: positiveInt(60),
	TAILOR_AUTH_MAX_BLOCK_S: positiveInt(15 * 60),
	/** Live `jobs.onProgress` streams one API key or signed-in user may hold open per web process. */
	TAILOR_SSE_MAX_STREAMS: positiveInt(20),
	/** A live progress stream is closed after this long; the client reconnects where it left off. */
	TAILOR_SSE_MAX_DURATION_MS: positiveInt(10 * 60_000),
	/** API requests one user or one API key may make per window. */
	TAILOR_RATE_LIMIT_POINTS: positiveInt(300),
	TAILOR_RATE_LIMIT_WINDOW_S: positiveInt(10),
	/** Largest request body `/api/trpc` reads. */
	TAILOR_API_BODY_LIMIT: positiveInt(API_BODY_LIMIT),
	TAILOR_JOB_RETRIES: z.coerce
		.number({ error: 'expected a number' })
		.int({ error: 'expected a whole number' })
		.min(0, { error: 'expected 0 or more' })
		.default(3),
	OPENAI_BASE_URL: z.url({ error: 'expected an absolute URL' }).optional(),
	OPENAI_API_KEY: z.string().min(1).optional(),
	TAILOR_MODEL: z.string().min(1).default('gpt-4o-mini'),
	TAILOR_EVAL_MODEL: z.string().min(1).optional(),
	OPENAI_TIMEOUT_MS: positiveInt(60_000),
	OPENAI_MAX_RETRIES: z.coerce
		.number({ error: 'expected a number' })
		.int({ error: 'expected a whole number' })
		.min(0, { error: 'expected 0 or more' })
		.default(3),
	/**
	 * A module whose default export takes the engine and returns the one to use, loaded at boot:
	 * behaviour around every engine call (latency, failures, logging) without changing the app.
	 */
	TAILOR_ENGINE_WRAPPER: z.string().min(1).optional(),
	/**
	 * Prices in US cents per million tokens, as JSON: `{"my-model": {"input": 15, "output": 60}}`.
	 * Merged over the built-in table of common models.
	 */
	TAILOR_MODEL_PRICES: z
		.string()
		.transform((v, ctx) => {
			try {
				return JSON.parse(v) as unknown;
			} catch {
				ctx.addIssue({
					code: 'custom',
					message: 'expected JSON such as {"model": {"input": 15, "output": 60}}'
				});
				return z.NEVER;
			}
		})
		.pipe(
			z.record(
				z.string(),
				z.object({ input: z.number().nonnegative(), output: z.number().nonnegative() }),
				{ error: 'expected {"model": {"input": cents, "output": cents}} per million tokens' }
			)
		)
		.optional()
});

export type Env = z.infer<typeof envSchema>;

export class ConfigError extends Error {
	constructor(
		readonly variable: string,
		detail: string
	) {
		super(`Invalid configuration: ${variable} ${detail}`);
		this.name = 'ConfigError';
	}
}

/** Empty strings count as unset, so `PORT= npm start` means "use the default". */
function clean(source: Record<string, string | undefined>): Record<string, string> {
	const out: Record<string, string> = {};
	for (const [k, v] of Object.entries(source))
		if (v !== undefined && v.trim() !== '') out[k] = v.trim();
	return out;
}

export function parseEnv(source: Record<string, string | undefined> = process.env): Env {
	const values = clean(source);
	const result = envSchema.safeParse(values);
	if (!result.success) {
		const issue = result.error.issues[0]!;
		const variable = String(issue.path[0] ?? 'environment');
		const got = values[variable];
		throw new ConfigError(
			variable,
			`${got === undefined ? 'is' : `is ${JSON.stringify(got)}:`} ${issue.message}`
		);
	}
	if (
		result.data.TAILOR_ENGINE === 'openai' &&
		!result.data.OPENAI_BASE_URL &&
		!result.data.OPENAI_API_KEY
	) {
		throw new ConfigError(
			'OPENAI_API_KEY',
			'is required when TAILOR_ENGINE=openai (or set OPENAI_BASE_URL for a local server)'
		);
	}
	if (result.data.TAILOR_AUTH_MAX_BLOCK_S < result.data.TAILOR_AUTH_BLOCK_S) {
		throw new ConfigError(
			'TAILOR_AUTH_MAX_BLOCK_S',
			`is ${result.data.TAILOR_AUTH_MAX_BLOCK_S}: expected at least TAILOR_AUTH_BLOCK_S (${result.data.TAILOR_AUTH_BLOCK_S})`
		);
	}
	return result.data;
}

let cached: Env | undefined;

/** The validated configuration of this process, read on first use. */
export function env(): Env {
	return (cached ??= parseEnv());
}
