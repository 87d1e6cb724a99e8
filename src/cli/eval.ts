// npm run eval — runs every labelled (career, posting) pair in a folder of labels (by default the
// project's own, tests/fixtures/labels; the npm script points it at the shared labelled set)
// through the tailor pipeline and scores evidence precision and recall, gap recall and
// hallucinations.
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { env } from '../lib/server/env';
import { pairLabelSchema } from '../lib/server/engines/quality';
import { formatReport, scoreAll } from '../lib/server/engines/quality-report';
import { parseCli } from './args';
import { runCli, UsageError } from './run';
import { tailoredProfileOf, withSandbox } from './sandbox';

const USAGE = 'Usage: tsx src/cli/eval.ts [--labels <dir>] [--verbose]';
const DEFAULT_LABELS = 'tests/fixtures/labels';

runCli(async () => {
	const args = parseCli({ labels: { type: 'string' }, verbose: { type: 'boolean' } }, USAGE);
	const dir = path.resolve(args.labels ?? DEFAULT_LABELS);
	if (!existsSync(dir)) {
		throw new UsageError(
			`No labelled pairs at ${dir}. Point --labels at a folder of label files (the project's own pair is in ${DEFAULT_LABELS}).`
		);
	}
	// Label paths (`careers/…`, `postings/…`) are relative to the folder above the labels.
	const base = path.dirname(dir);
	const files = (await readdir(dir)).filter((f) => f.endsWith('.json')).sort();
	if (!files.length) throw new UsageError(`No label files (*.json) in ${dir}.`);

	const pairs = await withSandbox(env(), async (sandbox) => {
		const out = [];
		for (const file of files) {
			const label = pairLabelSchema.parse(JSON.parse(await readFile(path.join(dir, file), 'utf8')));
			const career = JSON.parse(await readFile(path.join(base, label.career), 'utf8'));
			const posting = await readFile(path.join(base, label.posting), 'utf8');
			const profile = tailoredProfileOf(await sandbox.tailor(career, posting));
			out.push({ name: file.replace(/\.json$/, ''), label, profile });
		}
		return out;
	});
	const report = scoreAll(pairs);
	console.log(formatReport(report, { verbose: args.verbose }));
	const o = report.overall;
	console.log(
		JSON.stringify({
			pairs: o.pairs,
			precision: Number(o.precision.toFixed(3)),
			recall: Number(o.recall.toFixed(3)),
			gapRecall: Number(o.gapRecall.toFixed(3)),
			falseGaps: o.falseGaps,
			hallucinations: o.hallucinations
		})
	);
});
