// Runs graphql-http's server audits (the GraphQL-over-HTTP spec's MUSTs and SHOULDs) against a URL
// and prints one JSON line per audit: {"id", "name", "status": "ok"|"warn"|"error", "reason"}.
// Usage: node .ci/audit/audit.mjs http://127.0.0.1:8000/graphql
import { serverAudits } from 'graphql-http';

const url = process.argv[2];
if (!url) {
  console.error('usage: node audit.mjs <graphql url>');
  process.exit(2);
}
for (const audit of serverAudits({ url })) {
  const result = await audit.fn();
  console.log(JSON.stringify({ id: audit.id, name: audit.name, status: result.status, reason: result.reason ?? null }));
}
