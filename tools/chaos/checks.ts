// The checks behind `npm run chaos` and `npm run scale-out`, as pure functions over what the
// database holds and what the clients received, so that each can be shown to fire on a broken
// input (`selfTest`) before it is trusted to say zero.

/** One start of a step's code, as the instrumented worker records it before calling the step. */
export type StepExecution = { job: string; step: string; attempt: number; pid: number };
/** A `job_steps` row: the step's stored output, written by `attempt`. */
export type Checkpoint = { job: string; step: string; attempt: number };
/** How many `step` events (one per stored checkpoint) the job has for the step. */
export type StepEvents = { job: string; step: string; n: number };

export type RerunReport = {
	/** Executions of a step that had already finished (its checkpoint was stored). */
	reruns: number;
	/** Checkpoints with no recorded execution in their attempt: the record is incomplete. */
	unobserved: number;
	examples: string[];
};

const key = (job: string, step: string) => `${job}\u0000${step}`;

/**
 * A step is finished when its checkpoint commits. The runner writes a checkpoint only while its
 * attempt owns the job (the claim of the next attempt takes the same row lock), so a checkpoint
 * of attempt A committed before attempt A+1 began. Hence, per (job, step):
 * - an execution by a later attempt than the checkpoint's is a re-run of a finished step;
 * - more than one execution by the checkpoint's own attempt is a re-run within that attempt;
 * - more than one `step` event means the step finished (and was stored) more than once.
 * Executions by earlier attempts are runs a kill cut short before their checkpoint: legitimate.
 */
export function findReruns(
	executions: StepExecution[],
	checkpoints: Checkpoint[],
	stepEvents: StepEvents[]
): RerunReport {
	const byStep = new Map<string, StepExecution[]>();
	for (const e of executions) {
		const k = key(e.job, e.step);
		const list = byStep.get(k) ?? [];
		list.push(e);
		byStep.set(k, list);
	}
	const events = new Map(stepEvents.map((s) => [key(s.job, s.step), s.n]));
	const report: RerunReport = { reruns: 0, unobserved: 0, examples: [] };
	const seen = new Set<string>();
	for (const c of checkpoints) {
		const k = key(c.job, c.step);
		seen.add(k);
		const runs = byStep.get(k) ?? [];
		const later = runs.filter((e) => e.attempt > c.attempt).length;
		const same = runs.filter((e) => e.attempt === c.attempt).length;
		if (same === 0) report.unobserved++;
		const n = Math.max(later + Math.max(0, same - 1), (events.get(k) ?? 0) - 1);
		if (n > 0) {
			report.reruns += n;
			if (report.examples.length < 5)
				report.examples.push(
					`${c.job} ${c.step}: stored by attempt ${c.attempt}; runs by attempts ${runs
						.map((e) => e.attempt)
						.join(', ')}; ${events.get(k) ?? 0} step events`
				);
		}
	}
	// Step events for a step with no checkpoint at all (the checkpoint was lost afterwards).
	for (const [k, n] of events) {
		if (!seen.has(k) && n > 1) {
			report.reruns += n - 1;
			if (report.examples.length < 5)
				report.examples.push(`${k.replace('\u0000', ' ')}: ${n} step events, no checkpoint`);
		}
	}
	return report;
}

export type StreamReport = {
	streams: number;
	events: number;
	/** Stored events a subscriber never received. */
	missing: number;
	/** Events a subscriber received more than once, or that are not stored at all. */
	duplicates: number;
	/** Received events that arrived after a later one. */
	outOfOrder: number;
	/** Streams the server did not end (after the terminal event). */
	unended: number;
	examples: string[];
};

/** Compares what each subscriber received with the job's `job_events` rows. */
export function checkStreams(
	streams: { jobId: string; web: string; ids: string[]; ended: boolean; error: string | null }[],
	stored: Map<string, string[]>
): StreamReport {
	const r: StreamReport = {
		streams: streams.length,
		events: 0,
		missing: 0,
		duplicates: 0,
		outOfOrder: 0,
		unended: 0,
		examples: []
	};
	for (const s of streams) {
		const want = stored.get(s.jobId) ?? [];
		const wanted = new Set(want);
		const got = new Set<string>();
		let dup = 0;
		let order = 0;
		let last = -Infinity;
		for (const id of s.ids) {
			if (got.has(id) || !wanted.has(id)) dup++;
			got.add(id);
			const n = Number(id);
			if (n <= last) order++;
			last = Math.max(last, n);
		}
		const missing = want.filter((id) => !got.has(id)).length;
		r.events += s.ids.length;
		r.missing += missing;
		r.duplicates += dup;
		r.outOfOrder += order;
		if (!s.ended) r.unended++;
		if ((missing || dup || order || !s.ended) && r.examples.length < 5)
			r.examples.push(
				`job ${s.jobId} via ${s.web}: ${s.ids.length} received of ${want.length} stored, ` +
					`${missing} missing, ${dup} duplicate, ${order} out of order` +
					`${s.ended ? '' : `, not ended${s.error ? ` (${s.error})` : ''}`}`
			);
	}
	return r;
}

export type JobRow = {
	id: string;
	userId: string;
	opportunityId: string | null;
	status: string;
	profileId: string | null;
};
export type ProfileRow = { id: string; userId: string; opportunityId: string };
export type UsageRow = { userId: string; profilesCreated: number };

export type OutcomeReport = {
	jobs: number;
	/** Jobs not completed, completed without their profile, or known to a client but not stored. */
	lost: number;
	/** Profiles beyond the first for one (user, opportunity). */
	duplicateProfiles: number;
	/** Profiles whose usage is not counted exactly once (counted twice, or not at all). */
	usageMismatch: number;
	examples: string[];
};

/**
 * Every tailor job completed with its profile; one profile per (user, opportunity); each user's
 * usage counter equal to the number of their profiles (the run creates profiles only by tailoring
 * and deletes none).
 */
export function checkOutcomes(
	jobs: JobRow[],
	profiles: ProfileRow[],
	usage: UsageRow[],
	clientJobIds: string[]
): OutcomeReport {
	const r: OutcomeReport = {
		jobs: jobs.length,
		lost: 0,
		duplicateProfiles: 0,
		usageMismatch: 0,
		examples: []
	};
	const note = (s: string) => r.examples.length < 8 && r.examples.push(s);
	const byPair = new Map<string, ProfileRow[]>();
	const perUser = new Map<string, number>();
	for (const p of profiles) {
		const k = key(p.userId, p.opportunityId);
		byPair.set(k, [...(byPair.get(k) ?? []), p]);
		perUser.set(p.userId, (perUser.get(p.userId) ?? 0) + 1);
	}
	const stored = new Set(jobs.map((j) => j.id));
	for (const id of new Set(clientJobIds)) {
		if (!stored.has(id)) {
			r.lost++;
			note(`job ${id} was returned to a client but is not in document_jobs`);
		}
	}
	for (const j of jobs) {
		const pair = j.opportunityId ? (byPair.get(key(j.userId, j.opportunityId)) ?? []) : [];
		if (j.status !== 'completed') {
			r.lost++;
			note(`job ${j.id} ended ${j.status}`);
		} else if (!pair.some((p) => p.id === j.profileId)) {
			r.lost++;
			note(`job ${j.id} completed but its profile ${j.profileId} is not the stored one`);
		}
	}
	for (const [k, list] of byPair) {
		if (list.length > 1) {
			r.duplicateProfiles += list.length - 1;
			note(`${list.length} profiles for (user, opportunity) ${k.replace('\u0000', ', ')}`);
		}
	}
	const counted = new Map(usage.map((u) => [u.userId, u.profilesCreated]));
	for (const userId of new Set([...perUser.keys(), ...counted.keys()])) {
		const diff = Math.abs((counted.get(userId) ?? 0) - (perUser.get(userId) ?? 0));
		if (diff) {
			r.usageMismatch += diff;
			note(
				`user ${userId}: usage ${counted.get(userId) ?? 0}, profiles ${perUser.get(userId) ?? 0}`
			);
		}
	}
	return r;
}

/**
 * Runs every check on inputs with planted faults and on a clean input; throws if a check misses a
 * planted fault or reports one on the clean input. Returns one line per check for the log.
 */
export function selfTest(): string[] {
	const lines: string[] = [];
	const expect = (what: string, got: number, want: number) => {
		if (got !== want) throw new Error(`self-test: ${what}: got ${got}, expected ${want}`);
		lines.push(`${what}: ${got}`);
	};
	const exec = (job: string, step: string, attempt: number): StepExecution => ({
		job,
		step,
		attempt,
		pid: 1
	});
	// Clean: attempt 1 killed inside b (no checkpoint), attempt 2 ran b and c once each.
	const clean = findReruns(
		[exec('j', 'a', 1), exec('j', 'b', 1), exec('j', 'b', 2), exec('j', 'c', 2)],
		[
			{ job: 'j', step: 'a', attempt: 1 },
			{ job: 'j', step: 'b', attempt: 2 },
			{ job: 'j', step: 'c', attempt: 2 }
		],
		[
			{ job: 'j', step: 'a', n: 1 },
			{ job: 'j', step: 'b', n: 1 },
			{ job: 'j', step: 'c', n: 1 }
		]
	);
	expect('re-run detector, a kill mid-step then a retry (clean)', clean.reruns, 0);
	expect('re-run detector, every checkpoint observed (clean)', clean.unobserved, 0);
	// Planted: a stored by attempt 1 but run again by attempt 2; b run twice in attempt 1.
	expect(
		're-run detector, a finished step run again by the retry (planted: 1)',
		findReruns(
			[exec('j', 'a', 1), exec('j', 'a', 2)],
			[{ job: 'j', step: 'a', attempt: 1 }],
			[{ job: 'j', step: 'a', n: 1 }]
		).reruns,
		1
	);
	expect(
		're-run detector, a step run twice within one attempt (planted: 1)',
		findReruns(
			[exec('j', 'b', 1), exec('j', 'b', 1)],
			[{ job: 'j', step: 'b', attempt: 1 }],
			[{ job: 'j', step: 'b', n: 1 }]
		).reruns,
		1
	);
	// A lost checkpoint: the retry re-runs and re-stores it; only the second step event shows it.
	expect(
		're-run detector, a checkpoint lost and the step stored twice (planted: 1)',
		findReruns(
			[exec('j', 'c', 1), exec('j', 'c', 2)],
			[{ job: 'j', step: 'c', attempt: 2 }],
			[{ job: 'j', step: 'c', n: 2 }]
		).reruns,
		1
	);
	expect(
		're-run detector, a checkpoint with no recorded execution (planted: 1)',
		findReruns([], [{ job: 'j', step: 'a', attempt: 1 }], []).unobserved,
		1
	);

	const stored = new Map([['j', ['1', '2', '3', '4']]]);
	const stream = (ids: string[], ended = true) => ({
		jobId: 'j',
		web: 'w',
		ids,
		ended,
		error: null
	});
	const ok = checkStreams([stream(['1', '2', '3', '4'])], stored);
	expect('stream check, all events once in order (clean)', ok.missing + ok.duplicates, 0);
	expect(
		'stream check, an event never delivered (planted: 1)',
		checkStreams([stream(['1', '2', '4'])], stored).missing,
		1
	);
	expect(
		'stream check, an event replayed after a reconnect (planted: 1)',
		checkStreams([stream(['1', '2', '2', '3', '4'])], stored).duplicates,
		1
	);
	expect(
		'stream check, events swapped (planted: 1)',
		checkStreams([stream(['1', '3', '2', '4'])], stored).outOfOrder,
		1
	);
	expect(
		'stream check, a stream left open (planted: 1)',
		checkStreams([stream(['1', '2', '3', '4'], false)], stored).unended,
		1
	);

	const job = (id: string, opp: string, status = 'completed', profileId = `p-${opp}`): JobRow => ({
		id,
		userId: 'u',
		opportunityId: opp,
		status,
		profileId
	});
	const profile = (id: string, opp: string): ProfileRow => ({
		id,
		userId: 'u',
		opportunityId: opp
	});
	const good = checkOutcomes(
		[job('1', 'a'), job('2', 'b')],
		[profile('p-a', 'a'), profile('p-b', 'b')],
		[{ userId: 'u', profilesCreated: 2 }],
		['1', '2']
	);
	expect(
		'outcome check, two jobs, two profiles, usage 2 (clean)',
		good.lost + good.usageMismatch,
		0
	);
	expect(
		'outcome check, a job left failed and one never stored (planted: 2)',
		checkOutcomes(
			[job('1', 'a', 'failed'), job('2', 'b')],
			[profile('p-b', 'b')],
			[{ userId: 'u', profilesCreated: 1 }],
			['1', '2', '3']
		).lost,
		2
	);
	expect(
		'outcome check, two profiles for one opportunity (planted: 1)',
		checkOutcomes(
			[job('1', 'a')],
			[profile('p-a', 'a'), profile('p-a2', 'a')],
			[{ userId: 'u', profilesCreated: 2 }],
			['1']
		).duplicateProfiles,
		1
	);
	expect(
		'outcome check, usage counted twice for a profile (planted: 1)',
		checkOutcomes(
			[job('1', 'a')],
			[profile('p-a', 'a')],
			[{ userId: 'u', profilesCreated: 2 }],
			['1']
		).usageMismatch,
		1
	);
	return lines;
}
