// The bundled declarations, standing alone: the API's shapes are inferred from zod schemas, which
// would make zod a dependency of every client for its types. Each such alias is replaced by the
// plain type TypeScript infers for it, and the schemas and the zod import are left out.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const file = fileURLToPath(new URL('../dist/index.d.ts', import.meta.url));
const options = {
	strict: true,
	noEmit: true,
	skipLibCheck: true,
	module: ts.ModuleKind.NodeNext,
	moduleResolution: ts.ModuleResolutionKind.NodeNext,
	target: ts.ScriptTarget.ESNext
};
const usesZod = (text) => /\bz\.|from "zod"|from 'zod'/.test(text);

const program = ts.createProgram([file], options);
const checker = program.getTypeChecker();
const source = program.getSourceFile(file);
const flags = ts.TypeFormatFlags.NoTruncation | ts.TypeFormatFlags.InTypeAlias;

const edits = [];
for (const statement of source.statements) {
	const text = statement.getText(source);
	if (ts.isTypeAliasDeclaration(statement) && usesZod(statement.type.getText(source))) {
		const type = checker.getTypeAtLocation(statement.name);
		const plain = checker.typeToString(type, statement, flags);
		edits.push([statement.type.getStart(source), statement.type.getEnd(), plain]);
	} else if (
		(ts.isVariableStatement(statement) || ts.isImportDeclaration(statement)) &&
		usesZod(text)
	) {
		edits.push([statement.getFullStart(), statement.getEnd(), '']);
	}
}

let out = source.getFullText();
for (const [start, end, replacement] of edits.sort((a, b) => b[0] - a[0]))
	out = out.slice(0, start) + replacement + out.slice(end);
if (usesZod(out)) {
	console.error('standalone-types: zod is still referenced in dist/index.d.ts');
	process.exit(1);
}
writeFileSync(file, out);

// The result must stand on its own.
const check = ts.createProgram([file], options);
const problems = ts.getPreEmitDiagnostics(check).filter((d) => d.file?.fileName === file);
if (problems.length) {
	for (const d of problems) console.error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
	process.exit(1);
}
console.log(`standalone-types: ${edits.length} declarations made plain, no zod left`);
