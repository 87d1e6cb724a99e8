import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './run';

/** node:util's parseArgs, with its errors turned into one-line usage errors. */
export function parseCli<T extends NonNullable<ParseArgsConfig['options']>>(
	options: T,
	usage: string
) {
	try {
		return parseArgs({ options, allowPositionals: false, strict: true }).values;
	} catch (error) {
		throw new UsageError(`${error instanceof Error ? error.message : String(error)}\n${usage}`);
	}
}
