// Runs graphql-schema-linter on an SDL file with the repository's .graphql-schema-linterrc (the rules
// that are on, and why some are off, are in docs/clients.md) and prints one JSON line per problem:
// {"rule", "message", "line", "column"}, then {"done": true, "errors": N}.
// Usage: node .ci/audit/schema-lint.mjs <schema.graphql> <directory holding .graphql-schema-linterrc>
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

const [schema, configDir] = process.argv.slice(2);
if (!schema || !configDir) {
  console.error('usage: node schema-lint.mjs <schema.graphql> <config directory>');
  process.exit(2);
}
const cli = createRequire(import.meta.url).resolve('graphql-schema-linter/lib/cli.js');
const run = spawnSync(process.execPath, [cli, '--format', 'json', '--config-directory', configDir, schema],
  { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
// Exit 0: clean; 1: problems found (reported below); anything else: the linter could not run.
if (run.status !== 0 && run.status !== 1) {
  console.error(run.stderr || run.stdout || `graphql-schema-linter exited with ${run.status}`);
  process.exit(run.status ?? 2);
}
const { errors } = JSON.parse(run.stdout);
for (const e of errors) {
  console.log(JSON.stringify({ rule: e.rule, message: e.message, line: e.location.line, column: e.location.column }));
}
console.log(JSON.stringify({ done: true, errors: errors.length }));
