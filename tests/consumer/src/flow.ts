// The whole flow from another app, as plain JavaScript under Node: import a career record, add an
// opportunity, tailor it while following the job's events, then read the profile.
//
//   TAILOR_URL=http://localhost:3000 TAILOR_API_KEY=tlr_… node dist/flow.js resume.json posting.txt
import { readFile } from 'node:fs/promises';
import { createTailorClient, isTailorError, type JobEvent } from '@tailor/client';
import { describe, explain } from './probes.js';

const url = process.env.TAILOR_URL;
const apiKey = process.env.TAILOR_API_KEY;
const [resumeFile, postingFile] = process.argv.slice(2);
if (!url || !apiKey || !resumeFile || !postingFile) {
	console.error('usage: TAILOR_URL=… TAILOR_API_KEY=… node dist/flow.js resume.json posting.txt');
	process.exit(2);
}

const tailor = createTailorClient({ url, apiKey });

function follow(jobId: string): Promise<JobEvent[]> {
	const events: JobEvent[] = [];
	return new Promise((resolve, reject) => {
		const sub = tailor.jobs.onProgress.subscribe(
			{ jobId },
			{
				onData: ({ data }) => {
					events.push(data);
					console.log(`event ${describe(data)}`);
				},
				onError: (error) => {
					sub.unsubscribe();
					reject(error);
				},
				onComplete: () => resolve(events)
			}
		);
	});
}

async function main(): Promise<void> {
	const resume = JSON.parse(await readFile(resumeFile!, 'utf8')) as Record<string, unknown>;
	const counts = await tailor.career.importJsonResume.mutate({ resume });
	console.log(`imported ${counts.items} items, ${counts.claims} facts`);

	try {
		await tailor.opportunities.create.mutate({ description: '' });
		throw new Error('an empty posting was accepted');
	} catch (error) {
		if (!isTailorError(error) || error.data?.code !== 'BAD_REQUEST') throw error;
		console.log(`refused ${explain(error)}`);
	}

	const opportunity = await tailor.opportunities.create.mutate({
		description: await readFile(postingFile!, 'utf8')
	});
	console.log(`opportunity ${opportunity.title}`);
	const started = await tailor.opportunities.tailor.mutate({ opportunityId: opportunity.id });
	if (started.kind === 'cached') throw new Error('a first tailoring cannot be cached');
	const events = await follow(started.jobId);
	const job = await tailor.jobs.get.query({ jobId: started.jobId });
	if (job.status !== 'completed' || !job.profileId) throw new Error(`job ended ${job.status}`);
	const profile = await tailor.profiles.get.query({ profileId: job.profileId });
	console.log(`events ${events.length}`);
	console.log(`profile ${profile.matchScore} ${profile.talkingPoints.length} talking points`);
}

main().catch((error: unknown) => {
	console.error(`failed ${explain(error)}`);
	process.exit(1);
});
