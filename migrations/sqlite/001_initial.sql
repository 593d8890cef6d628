-- Articles, their paragraphs, quotes, entities and the mentions that tie entities to articles.
-- Every offset (start, end) indexes articles.text as JavaScript string indices.

CREATE TABLE articles (
  id                TEXT PRIMARY KEY,
  title             TEXT,
  dateline          TEXT,
  published_at      TEXT,
  publisher         TEXT,
  url               TEXT,
  language          TEXT NOT NULL DEFAULT 'en',
  text              TEXT NOT NULL,
  lede              TEXT NOT NULL,
  extractor_version TEXT NOT NULL,
  created_at        TEXT NOT NULL,
  -- the sort key of "newest first": publication time when known, else ingestion time
  sort_at           TEXT NOT NULL,
  quote_count       INTEGER NOT NULL DEFAULT 0,
  entity_count      INTEGER NOT NULL DEFAULT 0
) STRICT;

CREATE INDEX articles_newest ON articles (sort_at DESC, id DESC);

CREATE TABLE paragraphs (
  article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  idx        INTEGER NOT NULL,
  kind       TEXT NOT NULL CHECK (kind IN ('paragraph', 'heading')),
  text       TEXT NOT NULL,
  start      INTEGER NOT NULL,
  "end"      INTEGER NOT NULL,
  PRIMARY KEY (article_id, idx)
) STRICT, WITHOUT ROWID;

CREATE TABLE entities (
  id            TEXT PRIMARY KEY,
  name          TEXT NOT NULL,
  type          TEXT NOT NULL CHECK (type IN ('person', 'organization', 'location', 'facility', 'group', 'other')),
  -- denormalised counters, kept right by the repository inside each write's transaction
  article_count INTEGER NOT NULL DEFAULT 0,
  mention_count INTEGER NOT NULL DEFAULT 0,
  quote_count   INTEGER NOT NULL DEFAULT 0
) STRICT;

CREATE INDEX entities_prominent ON entities (mention_count DESC, id);
CREATE INDEX entities_by_type ON entities (type, mention_count DESC, id);

CREATE TABLE entity_aliases (
  entity_id TEXT NOT NULL REFERENCES entities (id) ON DELETE CASCADE,
  alias     TEXT NOT NULL,
  PRIMARY KEY (entity_id, alias)
) STRICT, WITHOUT ROWID;

CREATE TABLE entity_titles (
  entity_id TEXT NOT NULL REFERENCES entities (id) ON DELETE CASCADE,
  title     TEXT NOT NULL,
  PRIMARY KEY (entity_id, title)
) STRICT, WITHOUT ROWID;

-- One row per entity per article: the entity's place in the article's document order.
CREATE TABLE article_entities (
  article_id  TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  entity_id   TEXT NOT NULL REFERENCES entities (id),
  position    INTEGER NOT NULL,
  sort_at     TEXT NOT NULL, -- the article's, so an entity's articles page newest first from the index
  PRIMARY KEY (article_id, entity_id)
) STRICT, WITHOUT ROWID;

CREATE INDEX article_entities_by_entity ON article_entities (entity_id, sort_at DESC, article_id DESC);
CREATE UNIQUE INDEX article_entities_in_order ON article_entities (article_id, position);

CREATE TABLE mentions (
  article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  entity_id  TEXT NOT NULL REFERENCES entities (id),
  start      INTEGER NOT NULL,
  "end"      INTEGER NOT NULL,
  text       TEXT NOT NULL,
  PRIMARY KEY (article_id, start, "end", entity_id)
) STRICT, WITHOUT ROWID;

CREATE INDEX mentions_by_entity ON mentions (entity_id, article_id);

CREATE TABLE quotes (
  id           TEXT PRIMARY KEY,
  article_id   TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  position     INTEGER NOT NULL,
  kind         TEXT NOT NULL CHECK (kind IN ('direct', 'indirect', 'mixed')),
  text         TEXT NOT NULL,
  spans        TEXT NOT NULL, -- JSON [{ start, end }]
  cue_text     TEXT,
  cue_start    INTEGER,
  cue_end      INTEGER,
  source_text  TEXT,
  source_start INTEGER,
  source_end   INTEGER,
  speaker_id   TEXT REFERENCES entities (id),
  paragraph    INTEGER,
  -- copied from the article so that quote lists page newest first without a join
  sort_at      TEXT NOT NULL
) STRICT;

CREATE UNIQUE INDEX quotes_in_article ON quotes (article_id, position);
-- lists page newest article first, each article's quotes in document order
CREATE INDEX quotes_newest ON quotes (sort_at DESC, article_id DESC, position);
CREATE INDEX quotes_by_speaker ON quotes (speaker_id, sort_at DESC, article_id DESC, position);
CREATE INDEX quotes_by_kind ON quotes (kind, sort_at DESC, article_id DESC, position);
