/**
 * Gathers the calls made in one turn of the event loop (the jobs of one fetched batch, say) and
 * runs them as one statement. If the database refuses that statement (so nothing of it was
 * written), each call is run again on its own, so one job's bad value fails only that job. A batch
 * that names a job twice runs one by one.
 */
export class Coalescer<Req extends { jobId: string }, Res> {
	private queued: { req: Req; resolve: (r: Res) => void; reject: (e: unknown) => void }[] = [];

	constructor(private readonly runMany: (reqs: Req[]) => Promise<Res[]>) {}

	add(req: Req): Promise<Res> {
		return new Promise((resolve, reject) => {
			if (!this.queued.length) setImmediate(() => void this.flush());
			this.queued.push({ req, resolve, reject });
		});
	}

	private async flush() {
		const batch = this.queued;
		this.queued = [];
		const distinct = new Set(batch.map((b) => b.req.jobId)).size === batch.length;
		if (batch.length > 1 && !distinct) return this.oneByOne(batch);
		try {
			const results = await this.runMany(batch.map((b) => b.req));
			batch.forEach((b, i) => b.resolve(results[i]!));
		} catch (error) {
			if (batch.length === 1 || !refusedByDatabase(error)) for (const b of batch) b.reject(error);
			else await this.oneByOne(batch);
		}
	}

	private async oneByOne(batch: typeof this.queued) {
		for (const b of batch)
			await this.runMany([b.req]).then(
				([r]) => b.resolve(r!),
				(e: unknown) => b.reject(e)
			);
	}
}

/**
 * An ERROR PostgreSQL raised for the statement: it was rolled back and the session goes on. Not a
 * lost connection or a FATAL one, after which the statement may have committed.
 */
const refusedByDatabase = (error: unknown) =>
	error instanceof Error &&
	error.name === 'PostgresError' &&
	'severity' in error &&
	error.severity === 'ERROR';
