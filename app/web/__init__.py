"""The HTTP edge: GraphQL over HTTP, persisted queries, CORS (top level: may import any domain)."""
