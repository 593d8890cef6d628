-- Articles keyed by time: a ranked search reads the newest matches from the full-text index alone,
-- instead of every match of a common word (docs/api.md, "What relevance ranks").
--
-- An article's rowid, which is also its rowid in articles_fts, becomes the minute of its sort key
-- times 2^20, plus a slot that tells apart the articles of one minute (in the order they came). The
-- minute is read from sort_at's leading "YYYY-MM-DDTHH:MM" digits (publishedAt is validated ISO 8601,
-- createdAt is ours), so a string later than another never has a smaller minute, and the newest N
-- matches of a search all lie at or above the minute of its Nth-highest rowid: FTS5 finds that rowid
-- walking its rowids backwards, and only the matches from that minute on are sorted and ranked.
-- The writer keys new articles so (src/store/sqlite/search-key.ts). Nothing else refers to an
-- article by rowid; VACUUM keeps rowids (it copies a table's b-tree as it is).

UPDATE articles SET rowid = keyed.key
FROM (
  SELECT rowid AS r, minute * 1048576 + row_number() OVER (PARTITION BY minute ORDER BY rowid) - 1 AS key
  FROM (
    SELECT rowid,
      CASE WHEN sort_at GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]*'
        THEN (((CAST(substr(sort_at, 1, 4) AS INTEGER) * 12 + CAST(substr(sort_at, 6, 2) AS INTEGER) - 1) * 31
          + CAST(substr(sort_at, 9, 2) AS INTEGER) - 1) * 24 + CAST(substr(sort_at, 12, 2) AS INTEGER)) * 60
          + CAST(substr(sort_at, 15, 2) AS INTEGER)
        ELSE 0 END AS minute
    FROM articles
  )
) AS keyed
WHERE articles.rowid = keyed.r;

-- the index holds the old rowids: built again from the articles, in (the new) rowid order
INSERT INTO articles_fts (articles_fts) VALUES ('rebuild');
