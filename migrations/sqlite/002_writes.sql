-- The write side: idempotency keys for POST /articles, and what re-extraction needs.

-- A client's Idempotency-Key and what its first request did, so a retry answers the same.
-- No foreign key to articles: a key outlives a re-parse (which replaces the row) and is simply
-- ignored once its article is gone or it has expired.
CREATE TABLE idempotency_keys (
  client      TEXT NOT NULL, -- a digest of the API key that sent it: clients' keys never collide
  key         TEXT NOT NULL,
  fingerprint TEXT NOT NULL, -- digest of the request's text and metadata: the same key with another request is refused
  article_id  TEXT NOT NULL,
  status      INTEGER NOT NULL, -- what the first request answered: 201 or 200
  created_at  TEXT NOT NULL,
  PRIMARY KEY (client, key)
) STRICT, WITHOUT ROWID;

CREATE INDEX idempotency_keys_by_age ON idempotency_keys (created_at);

-- 1 when the title came from the text's own first line, so a re-parse may improve it; 0 when a client
-- gave it (or, for articles stored before this column, when nobody knows: keep it as it is).
ALTER TABLE articles ADD COLUMN title_from_text INTEGER NOT NULL DEFAULT 0 CHECK (title_from_text IN (0, 1));

-- npm run reindex walks the articles of older extractor versions by id.
CREATE INDEX articles_by_extractor ON articles (extractor_version, id);
