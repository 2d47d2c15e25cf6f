"""MemberHub: a GraphQL backend for membership businesses around a live segmentation engine."""
