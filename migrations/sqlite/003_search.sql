-- Query power: full-text search over articles and quotes, and the indexes the new filters page by.

-- External-content FTS5 tables: the text stays in articles and quotes (snippet() reads it from there),
-- the index holds only the terms. Porter stemming lets "negotiate" find "negotiations"; unicode61
-- with remove_diacritics folds "Zelenskyy"/"Zelenskýy" together.
CREATE VIRTUAL TABLE articles_fts USING fts5(
  title, text,
  content = 'articles', content_rowid = 'rowid',
  tokenize = 'porter unicode61 remove_diacritics 2'
);

CREATE VIRTUAL TABLE quotes_fts USING fts5(
  text,
  content = 'quotes', content_rowid = 'rowid',
  tokenize = 'porter unicode61 remove_diacritics 2'
);

-- The indexes follow every write inside the write's own transaction: the writer inserts and deletes
-- rows (a re-parse is a delete then an insert), and these triggers fire within that statement.
CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
  INSERT INTO articles_fts (rowid, title, text) VALUES (new.rowid, new.title, new.text);
END;
CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
  INSERT INTO articles_fts (articles_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text);
END;
CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, text ON articles BEGIN
  INSERT INTO articles_fts (articles_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text);
  INSERT INTO articles_fts (rowid, title, text) VALUES (new.rowid, new.title, new.text);
END;

CREATE TRIGGER quotes_fts_insert AFTER INSERT ON quotes BEGIN
  INSERT INTO quotes_fts (rowid, text) VALUES (new.rowid, new.text);
END;
CREATE TRIGGER quotes_fts_delete AFTER DELETE ON quotes BEGIN
  INSERT INTO quotes_fts (quotes_fts, rowid, text) VALUES ('delete', old.rowid, old.text);
END;
CREATE TRIGGER quotes_fts_update AFTER UPDATE OF text ON quotes BEGIN
  INSERT INTO quotes_fts (quotes_fts, rowid, text) VALUES ('delete', old.rowid, old.text);
  INSERT INTO quotes_fts (rowid, text) VALUES (new.rowid, new.text);
END;

-- Articles stored before this migration.
INSERT INTO articles_fts (articles_fts) VALUES ('rebuild');
INSERT INTO quotes_fts (quotes_fts) VALUES ('rebuild');

-- publishedAt may carry any offset ("+02:00"), so from/to compare its UTC form, not the string as given.
ALTER TABLE articles ADD COLUMN published_utc TEXT
  GENERATED ALWAYS AS (strftime('%Y-%m-%dT%H:%M:%fZ', published_at)) VIRTUAL;

CREATE INDEX articles_by_published ON articles (published_utc, id);
CREATE INDEX articles_by_dateline ON articles (dateline COLLATE NOCASE, sort_at DESC, id DESC);
CREATE INDEX articles_by_publisher ON articles (publisher COLLATE NOCASE, sort_at DESC, id DESC);
CREATE INDEX quotes_by_cue ON quotes (cue_text COLLATE NOCASE, sort_at DESC, article_id DESC, position);
-- oldest-first walks read the same indexes backwards; entities by minimum article count
CREATE INDEX entities_by_articles ON entities (article_count DESC, id);
