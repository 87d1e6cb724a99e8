import type { JsonResume } from '../../schemas/profile';
import { CareerImportError } from '../career/json-resume';
import { parseTextResume } from '../career/text-resume';
import { replaceCareer } from '../domain/career';
import { InvalidInputError } from '../domain/errors';
import { PermanentJobError, Steps, type Phase, type Pipeline } from '../jobs/pipeline';

const count = (v: unknown) => (Array.isArray(v) ? v.length : 0);

const parsing: Phase = {
	name: 'parsing',
	label: 'Reading',
	ticker: ['Reading your resume…', 'Finding your roles and achievements…']
};
const extracting: Phase = {
	name: 'extracting',
	label: 'Saving',
	ticker: ['Splitting achievements into facts…', 'Saving your career record…']
};

export const resumePhases = [parsing, extracting];

/** The `resume` job: a pasted plain-text or Markdown resume becomes the user's career record. */
export function resumePipeline(): Pipeline {
	const steps = new Steps();
	const parsed = steps.add(parsing, 'parse-text', async (ctx): Promise<JsonResume> => {
		let resume: JsonResume;
		try {
			resume = parseTextResume(ctx.input.text);
		} catch (error) {
			if (error instanceof CareerImportError) throw new PermanentJobError(error.message);
			throw error;
		}
		const roles = count(resume.work);
		await ctx.highlight(`Found ${roles} role${roles === 1 ? '' : 's'}`);
		const skills = count(resume.skills);
		if (skills) await ctx.highlight(`and ${skills} skill group${skills === 1 ? '' : 's'}`);
		return resume;
	});
	const stored = steps.addTransactional(extracting, 'store-career', async (ctx) => {
		try {
			const counts = await replaceCareer(ctx.tx, ctx.userId, ctx.get(parsed));
			await ctx.highlight(`Saved ${counts.claims} facts from ${counts.items} entries`);
			return counts;
		} catch (error) {
			if (error instanceof InvalidInputError) throw new PermanentJobError(error.message);
			throw error;
		}
	});
	return {
		name: 'resume',
		batchSize: 4,
		phases: resumePhases,
		steps: steps.list,
		summary: (get) => get(stored)
	};
}
