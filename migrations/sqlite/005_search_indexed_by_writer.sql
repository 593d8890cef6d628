-- New articles and quotes enter the full-text indexes from the article writer (src/db/search-index.ts),
-- once per write batch, instead of from a trigger per row. FTS5 writes the terms it holds in memory to
-- disk at every statement savepoint, and inside a write transaction nearly every statement opens one
-- (the writer's inserts fire triggers and check unique keys), so the per-row triggers wrote one index
-- segment per quote and per article, and merging those made a quote's insert cost about four times
-- its row's. The index holds the same terms for the same rowids either way.
-- Deletes and text updates keep their triggers: they must see the old row.
DROP TRIGGER articles_fts_insert;
DROP TRIGGER quotes_fts_insert;
