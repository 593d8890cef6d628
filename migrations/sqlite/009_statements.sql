-- Quote echoes (issue 17; docs/statements.md). A text class holds exact copies (same canonical words,
-- same speaker scope); classes are found by bucket keys (winnowed shingles, LSH bands) and joined by
-- echo edges; a statement is a part of a connected component, named by its earliest quote.
CREATE TABLE statement_texts (
  id         INTEGER PRIMARY KEY,
  key        TEXT NOT NULL UNIQUE, -- scope|canonical words: the class lookup
  speaker_id TEXT,                 -- the scope's entity; null for unresolved quotes
  canonical  TEXT NOT NULL,
  -- JSON: the keys it is stored under in statement_buckets, deleted with it by the store
  bucket_keys TEXT NOT NULL DEFAULT '[]'
) STRICT;

-- ~26 rows a quote, written in every write: no foreign key and no second index (each would cost a
-- b-tree search a row); a class's rows are deleted through its bucket_keys
CREATE TABLE statement_buckets (
  key     TEXT NOT NULL,
  text_id INTEGER NOT NULL,
  PRIMARY KEY (key, text_id)
) STRICT, WITHOUT ROWID;

-- both directions stored: the relation is said from text_id's side
CREATE TABLE statement_echoes (
  text_id    INTEGER NOT NULL REFERENCES statement_texts (id) ON DELETE CASCADE,
  other_id   INTEGER NOT NULL REFERENCES statement_texts (id) ON DELETE CASCADE,
  relation   TEXT NOT NULL CHECK (relation IN ('exact', 'contained', 'contains', 'variant')),
  similarity REAL NOT NULL,
  PRIMARY KEY (text_id, other_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX statement_echoes_other ON statement_echoes (other_id);

-- one row a statement, rewritten whenever its component is recomputed
CREATE TABLE statements (
  id               TEXT PRIMARY KEY, -- its earliest quote's id
  speaker_id       TEXT,
  text             TEXT NOT NULL,
  first_quote_id   TEXT NOT NULL,
  first_article_id TEXT NOT NULL,
  first_seen       TEXT NOT NULL,    -- UTC: the first article's publication, else its creation
  quote_count      INTEGER NOT NULL,
  article_count    INTEGER NOT NULL,
  publisher_count  INTEGER NOT NULL,
  variant_count    INTEGER NOT NULL
) STRICT;
CREATE INDEX statements_by_first_seen ON statements (first_seen, id);
CREATE INDEX statements_by_articles ON statements (article_count DESC, first_seen, id);
CREATE INDEX statements_by_speaker ON statements (speaker_id, first_seen, id);

-- the distinct publishers of each statement: counted as copies arrive, without reading the statement's quotes
CREATE TABLE statement_publishers (
  statement_id TEXT NOT NULL,
  publisher    TEXT NOT NULL,
  PRIMARY KEY (statement_id, publisher)
) STRICT, WITHOUT ROWID;

ALTER TABLE quotes ADD COLUMN statement_text_id INTEGER;
ALTER TABLE quotes ADD COLUMN statement_id TEXT;
-- 1 until assigned: new quotes, and every quote stored before this migration (assigned at start-up)
ALTER TABLE quotes ADD COLUMN statement_stale INTEGER NOT NULL DEFAULT 1;
CREATE INDEX quotes_of_statement_text ON quotes (statement_text_id);
CREATE INDEX quotes_of_statement ON quotes (statement_id, sort_at, article_id, position);
CREATE INDEX quotes_stale ON quotes (id) WHERE statement_stale = 1;
