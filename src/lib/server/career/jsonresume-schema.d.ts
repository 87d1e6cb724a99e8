// @jsonresume/schema ships no types; this is the part of its CommonJS API the importer uses.
declare module '@jsonresume/schema' {
	export type SchemaValidationError = {
		path: (string | number)[];
		property: string;
		message: string;
		name: string;
		argument: unknown;
	};
	const api: {
		validate(
			resume: unknown,
			callback: (errors: SchemaValidationError[] | null, valid: boolean) => void
		): void;
		schema: Record<string, unknown>;
	};
	export default api;
}
