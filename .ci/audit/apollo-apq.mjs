// Apollo Client 4 with its automatic-persisted-query link against a live MemberHub.
// Usage: node apollo-apq.mjs <graphql url> <api key> [get]
// Runs one query three times (two fresh clients, so nothing comes from Apollo's cache) and prints one
// JSON object: every HTTP request the link made (method, whether it carried the query text, the hash)
// with its status, and the data each run got. "get" sends hashed queries as GET (useGETForHashedQueries).
import { createHash } from 'node:crypto';
import { ApolloClient, HttpLink, InMemoryCache, gql } from '@apollo/client';
import { PersistedQueryLink } from '@apollo/client/link/persisted-queries';

const [url, key, mode] = process.argv.slice(2);
if (!url || !key) {
  console.error('usage: node apollo-apq.mjs <graphql url> <api key> [get]');
  process.exit(2);
}
const requests = [];
async function recordingFetch(input, init) {
  const response = await fetch(input, init);
  const target = new URL(typeof input === 'string' ? input : input.url);
  const body = init?.body ? JSON.parse(init.body) : null;
  const extensions = body?.extensions ?? JSON.parse(target.searchParams.get('extensions') ?? 'null');
  requests.push({
    method: init?.method ?? 'GET',
    sentQuery: Boolean(body?.query ?? target.searchParams.get('query')),
    sha256Hash: extensions?.persistedQuery?.sha256Hash ?? null,
    status: response.status,
  });
  return response;
}
const sha256 = (text) => createHash('sha256').update(text).digest('hex');
function client() {
  const persisted = new PersistedQueryLink({ sha256, useGETForHashedQueries: mode === 'get' });
  const http = new HttpLink({ uri: url, fetch: recordingFetch, headers: { authorization: `Bearer ${key}` } });
  return new ApolloClient({ link: persisted.concat(http), cache: new InMemoryCache() });
}
// The operation name carries the mode, so each run's document (and hash) is new to the server.
const query = gql(`query TeamName_${mode ?? 'post'} { viewer { team { name } } }`);
const results = [];
const first = client();
for (const run of [first, first, client()]) {
  const { data, error } = await run.query({ query, fetchPolicy: 'network-only' });
  results.push({ data: data ?? null, error: error ? String(error) : null });
}
console.log(JSON.stringify({ requests, results }));
