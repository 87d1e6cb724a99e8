import { drizzle } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import * as schema from './schema';

export type Sql = postgres.Sql;

export function createDb(
	url: string,
	options: { max?: number; name?: string; asyncCommit?: boolean } = {}
) {
	const sql = postgres(url, {
		max: options.max ?? 10,
		onnotice: () => {},
		connection: {
			application_name: options.name ?? 'tailor',
			...(options.asyncCommit ? { synchronous_commit: 'off' } : {})
		}
	});
	const db = drizzle(handingOverRows(sql), { schema });
	return { sql, db };
}

export type Database = ReturnType<typeof createDb>['db'];
export type Tx = Parameters<Parameters<Database['transaction']>[0]>[0];
/** A drizzle transaction, or the database itself: domain functions accept either. */
export type Executor = Database | Tx;

const RESULT_FIELDS = ['count', 'command', 'columns', 'statement', 'state'] as const;

/**
 * The rows of a finished query, moved out of the driver's own result array into a copy (with the
 * same `count`, `command`, `columns`, `statement` and `state`); the driver's array is left empty.
 */
function handOver<T>(result: T[]): T[] {
	const rows = result.slice();
	for (const field of RESULT_FIELDS) {
		if (field in result)
			Object.defineProperty(rows, field, {
				value: (result as unknown as Record<string, unknown>)[field],
				writable: true
			});
	}
	result.length = 0;
	return rows;
}

/**
 * The client drizzle is given: postgres.js as it is, except that a query read with `.values()`
 * (how drizzle reads every select, in and out of transactions) hands its rows to the caller and
 * keeps none itself.
 *
 * Why: a postgres.js query object assigns arrow functions to its own properties in its constructor
 * (`this.resolve = x => ...`), and V8 allocates a function literal assigned to a property straight
 * into the old generation. Those closures reach the query, and the query the result it settled
 * with, so every row read survives each young-generation collection until the next full one: on
 * the cached-tailor path that was over half of what a request left behind (29.6 KB surviving per
 * request before, 12.9 KB after, docs/BENCHMARKS.md). Handing the rows over leaves the driver an
 * empty array to keep.
 */
export function handingOverRows(sql: Sql): Sql {
	const unsafe = ((...args: Parameters<Sql['unsafe']>) => {
		const pending = sql.unsafe(...args);
		const values = pending.values;
		return Object.defineProperty(pending, 'values', {
			value: () => values.call(pending).then(handOver),
			configurable: true,
			writable: true
		});
	}) as Sql['unsafe'];
	const withRows =
		(method: 'begin' | 'savepoint') =>
		(...args: unknown[]) => {
			const fn = args.pop() as (scoped: Sql) => unknown;
			const run = (sql as unknown as Record<typeof method, (...a: unknown[]) => unknown>)[method];
			return run(...args, (scoped: Sql) => fn(handingOverRows(scoped)));
		};
	const overrides = new Map<PropertyKey, unknown>([['unsafe', unsafe]]);
	for (const method of ['begin', 'savepoint'] as const)
		if (method in sql) overrides.set(method, withRows(method));
	return new Proxy(sql, {
		get: (target, key, receiver) =>
			overrides.has(key) ? overrides.get(key) : Reflect.get(target, key, receiver)
	});
}
