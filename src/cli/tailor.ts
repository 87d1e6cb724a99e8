// npm run tailor -- --career <json-resume-file> --posting <text-file> [--json]
import { readFile } from 'node:fs/promises';
import { env } from '../lib/server/env';
import { parseCli } from './args';
import { formatProfile } from './format-profile';
import { runCli, UsageError } from './run';
import { tailoredProfileOf, withSandbox } from './sandbox';

const USAGE = 'Usage: npm run tailor -- --career <json-resume-file> --posting <text-file> [--json]';

async function read(file: string, what: string): Promise<string> {
	try {
		return await readFile(file, 'utf8');
	} catch (error) {
		throw new UsageError(
			`Cannot read the ${what} file ${file}: ${(error as NodeJS.ErrnoException).code ?? error}`
		);
	}
}

runCli(async () => {
	const args = parseCli(
		{ career: { type: 'string' }, posting: { type: 'string' }, json: { type: 'boolean' } },
		USAGE
	);
	if (!args.career || !args.posting) throw new UsageError(USAGE);
	let career: unknown;
	try {
		career = JSON.parse(await read(args.career, 'career'));
	} catch (error) {
		if (error instanceof UsageError) throw error;
		throw new UsageError(`The career file ${args.career} is not JSON: ${(error as Error).message}`);
	}
	const posting = await read(args.posting, 'posting');
	const profile = await withSandbox(env(), (sandbox) => sandbox.tailor(career, posting));
	const output = tailoredProfileOf(profile);
	process.stdout.write(args.json ? `${JSON.stringify(output, null, 2)}\n` : formatProfile(output));
});
