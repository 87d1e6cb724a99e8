// Compile-time probes: each `@ts-expect-error` must meet an error, so a type that went `any` (or
// a procedure that lost its input schema) fails `tsc` with "unused directive".
import {
	createTailorClient,
	isTailorError,
	type JobEvent,
	type RouterInputs,
	type RouterOutputs
} from '@tailor/client';

const tailor = createTailorClient({ url: 'http://localhost:3000', apiKey: 'tlr_probe' });

export async function probes(): Promise<void> {
	// A wrong input field.
	// @ts-expect-error — an opportunity is created from its `description`, not `text`
	await tailor.opportunities.create.mutate({ text: 'A posting' });

	// A missing required input.
	// @ts-expect-error — `profileId` is required
	await tailor.profiles.get.query({});

	// An unknown procedure.
	// @ts-expect-error — there is no `opportunities.remove`
	await tailor.opportunities.remove.mutate({ opportunityId: 'x' });

	// Output field types.
	const profile = await tailor.profiles.get.query({ profileId: 'p' });
	const score: number = profile.matchScore;
	// @ts-expect-error — the match score is a number
	const scoreText: string = profile.matchScore;
	const firstPoint: string | undefined = profile.talkingPoints[0]?.point;
	// @ts-expect-error — evidence is a list, not a string
	const evidence: string = profile.talkingPoints[0]!.evidence;
	void [score, scoreText, firstPoint, evidence];

	const input: RouterInputs['opportunities']['tailor'] = { opportunityId: 'o' };
	const job: RouterOutputs['jobs']['get'] = await tailor.jobs.get.query({ jobId: 'j' });
	// @ts-expect-error — a job's status is one of its known statuses
	const unknownStatus: typeof job.status = 'exploded';
	void [input, job, unknownStatus];
}

/** Event payloads are typed per event type. */
export function describe(event: JobEvent): string {
	switch (event.type) {
		case 'status': {
			const status: 'pending' | 'processing' | 'completed' | 'failed' | 'cancelled' =
				event.payload.status;
			// @ts-expect-error — a status event has no `text`
			const text: string = event.payload.text;
			void text;
			return status;
		}
		case 'phase':
			return event.payload.phase;
		case 'highlight': {
			// @ts-expect-error — a highlight's text is a string
			const n: number = event.payload.text;
			void n;
			return event.payload.text;
		}
		case 'step':
			return `${event.payload.name} ${event.payload.durationMs} ms`;
		default: {
			const none: never = event;
			return none;
		}
	}
}

/** API errors narrow to their code, input issues and cause. */
export function explain(error: unknown): string {
	if (!isTailorError(error)) return String(error);
	const code: string | undefined = error.data?.code;
	const issues: { path: string; message: string }[] | null | undefined = error.data?.issues;
	const limited: boolean = error.data?.cause === 'limit_reached';
	// @ts-expect-error — the code is a string, not a number
	const codeNumber: number | undefined = error.data?.code;
	void codeNumber;
	return `${code ?? '?'}: ${issues?.map((i) => i.path).join(', ') ?? error.message}${limited ? ' (limit)' : ''}`;
}
