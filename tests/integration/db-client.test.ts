import { eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Sql } from '../../src/lib/server/db/client';
import { users } from '../../src/lib/server/db/schema';
import { createUser } from '../helpers/engine';
import { testDatabase, type TestDatabase } from '../helpers/db';

let t: TestDatabase;
let user: string;

beforeAll(async () => {
	t = await testDatabase();
	user = await createUser(t);
});

/** What a postgres.js query object itself settled with, read past any override of `then`. */
const settledWith = (query: PromiseLike<unknown>) =>
	new Promise<unknown[]>((resolve, reject) =>
		Promise.prototype.then.call(query, resolve as (v: unknown) => void, reject)
	);

const SERIES = 'select n, repeat($1, n) as text from generate_series(1, 5) as n';

describe('the client drizzle is given', () => {
	it('hands the rows of a .values() read to the caller and leaves the driver none', async () => {
		const query = t.db.$client.unsafe(SERIES, ['ab']);
		const rows = await query.values();
		expect(rows).toEqual([1, 2, 3, 4, 5].map((n) => [n, 'ab'.repeat(n)]));
		expect(rows.count).toBe(5);
		expect(rows.command).toBe('SELECT');
		expect(rows.columns.map((c) => c.name)).toEqual(['n', 'text']);
		expect(await settledWith(query)).toHaveLength(0);
	});

	it('does the same inside transactions and savepoints', async () => {
		const seen = await t.db.$client.begin(async (tx) => {
			const outer = tx.unsafe(SERIES, ['x']);
			const outerRows = await outer.values();
			const inner = await (tx as unknown as Sql & { savepoint: Sql['begin'] }).savepoint(
				async (sp) => {
					const q = sp.unsafe(SERIES, ['y']);
					return [await q.values(), await settledWith(q)] as const;
				}
			);
			return { outerRows, outerLeft: await settledWith(outer), inner };
		});
		expect(seen.outerRows).toHaveLength(5);
		expect(seen.outerLeft).toHaveLength(0);
		expect(seen.inner[0]).toHaveLength(5);
		expect(seen.inner[1]).toHaveLength(0);
	});

	it('leaves a query awaited as it is (its result is what the caller holds)', async () => {
		const result = await t.db.$client.unsafe('select 1 as x union all select 2');
		expect([...result]).toEqual([{ x: 1 }, { x: 2 }]);
		expect(result.count).toBe(2);
	});

	it('gives drizzle the same answers: selects, writes with a row count, errors', async () => {
		const [row] = await t.db.select({ id: users.id }).from(users).where(eq(users.id, user));
		expect(row).toEqual({ id: user });
		const inTx = await t.db.transaction((tx) =>
			tx.select({ id: users.id }).from(users).where(eq(users.id, user))
		);
		expect(inTx).toEqual([{ id: user }]);
		const updated = await t.db.update(users).set({ name: 'Renamed' }).where(eq(users.id, user));
		expect(updated.count).toBe(1);
		const renamed = await t.db.select({ name: users.name }).from(users).where(eq(users.id, user));
		expect(renamed).toEqual([{ name: 'Renamed' }]);
		await expect(t.db.execute(sql`select * from no_such_table`)).rejects.toThrow(/no_such_table/);
		await expect(
			t.db
				.select({ x: sql`1 / 0` })
				.from(users)
				.where(eq(users.id, user))
		).rejects.toMatchObject({ cause: { code: '22012' } });
	});
});
