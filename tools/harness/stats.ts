/** Percentile (nearest rank) of a list of numbers. */
export function percentile(values: number[], p: number): number {
	if (!values.length) return NaN;
	const sorted = [...values].sort((a, b) => a - b);
	const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
	return sorted[rank]!;
}

export const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;

export function summary(values: number[]) {
	return {
		p50: round(percentile(values, 50)),
		p95: round(percentile(values, 95)),
		p99: round(percentile(values, 99)),
		n: values.length
	};
}
