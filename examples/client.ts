// Tailor from another TypeScript program: add an opportunity, tailor it while printing each
// progress event as it arrives, then print the profile's talking points.
//
//   TAILOR_URL=http://localhost:3000 TAILOR_API_KEY=tlr_… npx tsx examples/client.ts
//
// Make the key in Settings → API keys. An account without a career record gets the sample one.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { createTailorClient, TRPCClientError, type JobProgress } from '../src/lib/client';

const root = path.resolve(import.meta.dirname, '..');
const url = process.env.TAILOR_URL ?? 'http://localhost:3000';
const apiKey = process.env.TAILOR_API_KEY;
if (!apiKey) {
	console.error('Set TAILOR_API_KEY to an API key (Settings → API keys).');
	process.exit(1);
}

const tailor = createTailorClient({ url, apiKey });
const fixture = (file: string) => readFile(path.join(root, 'tests/fixtures', file), 'utf8');

function describe({ data: event }: JobProgress): string {
	const p = event.payload;
	switch (event.type) {
		case 'status':
			return `status   ${String(p.status)}${p.error ? ` — ${String(p.error)}` : ''}`;
		case 'phase':
			return `phase    ${String(p.phase)}`;
		case 'highlight':
			return `         • ${String(p.text)}`;
		case 'step':
			return `step     ${String(p.name)} (${String(p.durationMs)} ms)`;
	}
}

/** Prints the job's events as they arrive; resolves when the job has ended. */
function follow(jobId: string): Promise<void> {
	return new Promise((resolve, reject) => {
		const sub = tailor.jobs.onProgress.subscribe(
			{ jobId },
			{
				onData: (event) => console.log(describe(event)),
				onError: (error) => {
					sub.unsubscribe();
					reject(error);
				},
				onComplete: () => resolve()
			}
		);
	});
}

async function main() {
	const career = await tailor.career.get.query();
	if (career.claims.length === 0) {
		const resume = JSON.parse(await fixture('careers/ines-varga.json'));
		const counts = await tailor.career.importJsonResume.mutate({ resume });
		console.log(`Imported the sample career record: ${counts.claims} facts.`);
	}

	const opportunity = await tailor.opportunities.create.mutate({
		description: await fixture('postings/tern-senior-data-scientist.txt')
	});
	console.log(`Opportunity: ${opportunity.title} at ${opportunity.company ?? '?'}\n`);

	const started = await tailor.opportunities.tailor.mutate({ opportunityId: opportunity.id });
	let profileId: string;
	if (started.kind === 'cached') {
		profileId = started.profile.id;
	} else {
		await follow(started.jobId);
		const job = await tailor.jobs.get.query({ jobId: started.jobId });
		if (job.status !== 'completed' || !job.profileId)
			throw new Error(`The job ended ${job.status}: ${job.error ?? 'no profile'}`);
		profileId = job.profileId;
	}

	const profile = await tailor.profiles.get.query({ profileId });
	console.log(`\nMatch score ${profile.matchScore}/100. Talking points:\n`);
	for (const tp of profile.talkingPoints) {
		console.log(`• ${tp.requirement} (${tp.kind})\n  ${tp.point}`);
		for (const e of tp.evidence) console.log(`    ↳ ${e.text}`);
	}
	const usage = await tailor.usage.get.query();
	console.log(`\n${usage.used} of ${usage.limit} tailored profiles used this month.`);
}

main().catch((error: unknown) => {
	if (error instanceof TRPCClientError) console.error(`Tailor said: ${error.message}`);
	else console.error(error);
	process.exit(1);
});
