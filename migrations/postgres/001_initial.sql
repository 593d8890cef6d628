-- The PostgreSQL schema: the net effect of migrations/sqlite/001–005, in PostgreSQL's own types.
-- Every offset (start, end) indexes articles.text as JavaScript string indices, as in SQLite.
--
-- What the domain sees stays byte for byte what SQLite gives it:
-- - Ids, keys and every text a list orders by or pages by are COLLATE "C": byte order, as SQLite's
--   BINARY, so keyset cursors, ties and facets order alike in both stores whatever the database's
--   own collation. lower() under "C" folds ASCII only, as SQLite's NOCASE, so lower(x) = lower($1)
--   is the NOCASE comparison the filters use.
-- - published_at and sort_at stay text: the client's string as given (offset and all), and the key
--   "newest first" pages by (published_at when known, else created_at), ordered as SQLite orders it.
-- - Instants the service makes itself (created_at) are timestamptz. The writer writes
--   Date#toISOString() and PostgreSQL keeps microseconds, so reading them back through
--   Date#toISOString() (src/store/postgres/connection.ts parses timestamptz so) gives the same string.
-- - quotes.spans is json, not jsonb: json keeps the text as written, so [{"start":…,"end":…}] comes
--   back with its keys in that order (jsonb would reorder them "end" first).
-- - Counters are integer (int4): the driver returns them as numbers. count(*) is bigint, which the
--   pool's type parser also returns as a number.

-- Accents are folded at both ends of a search ("Zelenskýy" finds "Zelenskyy"): unaccent is a
-- trusted extension from PostgreSQL 13, so the database's owner may create it.
CREATE EXTENSION IF NOT EXISTS unaccent;

-- english with accents folded first: what SQLite's porter unicode61 remove_diacritics 2 does. The
-- word types that may hold letters beyond ASCII go through unaccent, then the English stemmer.
CREATE TEXT SEARCH CONFIGURATION news_english (COPY = english);
ALTER TEXT SEARCH CONFIGURATION news_english ALTER MAPPING FOR word, hword, hword_part WITH unaccent, english_stem;

-- The same words neither stemmed nor stopped. to_tsquery stems a prefix as if it were a whole word
-- ("negotiat:*" stays 'negotiat', while "negotiations" is indexed as 'negoti'), so a prefix would
-- miss the words it begins; the documents also hold their words as written, where it finds them.
CREATE TEXT SEARCH CONFIGURATION news_simple (COPY = simple);
ALTER TEXT SEARCH CONFIGURATION news_simple ALTER MAPPING FOR word, hword, hword_part WITH unaccent, simple;

-- What a document is searched by: its words stemmed (phrases and words match these) followed by its
-- words as written (prefixes), the title's weighing A and the body's D. IMMUTABLE holds: both
-- configurations are named, so no setting changes the result.
CREATE FUNCTION news_search_document (title text, body text) RETURNS tsvector
  LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
AS $$
BEGIN
  RETURN setweight(to_tsvector('news_english'::regconfig, coalesce(title, '')), 'A')
    || setweight(to_tsvector('news_simple'::regconfig, coalesce(title, '')), 'A')
    || setweight(to_tsvector('news_english'::regconfig, body), 'D')
    || setweight(to_tsvector('news_simple'::regconfig, body), 'D');
EXCEPTION WHEN program_limit_exceeded THEN
  -- A tsvector holds 1 MiB, and an article of 1 MiB made of many distinct short words (a table of
  -- codes, say) needs more: rather than refuse to store it, search its stemmed words of the first
  -- 64 Ki characters, at most 8 bytes of tsvector per character, which always fits. (Positions stop
  -- at 16,383 anyway, so phrases that far into any document match loosely.)
  RETURN setweight(to_tsvector('news_english'::regconfig, coalesce(title, '')), 'A')
    || setweight(to_tsvector('news_english'::regconfig, left(body, 65536)), 'D');
END
$$;

-- publishedAt in UTC, for from/to: what SQLite's strftime('%Y-%m-%dT%H:%M:%fZ', published_at) reads.
-- A string without a zone is UTC (as strftime takes it), one that is not an ISO 8601 date-time is
-- NULL (never an error: the article is still stored). Only ISO forms reach the casts, so neither
-- DateStyle nor TimeZone changes the result, and IMMUTABLE holds for a generated column.
CREATE FUNCTION news_utc_instant (value text) RETURNS timestamptz
  LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
AS $$
BEGIN
  IF value IS NULL OR value !~ '^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}(:?\d{2})?)?)?$' THEN
    RETURN NULL;
  END IF;
  IF value ~ '\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}(:?\d{2})?)$' THEN
    RETURN value::timestamptz;
  END IF;
  RETURN value::timestamp AT TIME ZONE 'UTC';
EXCEPTION WHEN datetime_field_overflow OR invalid_datetime_format THEN
  RETURN NULL; -- shaped like a date but none ("2025-02-30")
END
$$;

CREATE TABLE articles (
  id                TEXT COLLATE "C" PRIMARY KEY,
  title             TEXT,
  -- 1 in SQLite: the title came from the text's own first line, so a re-parse may improve it
  title_from_text   BOOLEAN NOT NULL DEFAULT false,
  dateline          TEXT COLLATE "C",
  published_at      TEXT COLLATE "C",
  publisher         TEXT COLLATE "C",
  url               TEXT,
  language          TEXT COLLATE "C" NOT NULL DEFAULT 'en',
  text              TEXT NOT NULL,
  lede              TEXT NOT NULL,
  extractor_version TEXT COLLATE "C" NOT NULL,
  created_at        TIMESTAMPTZ NOT NULL,
  -- the sort key of "newest first": publication time when known, else ingestion time
  sort_at           TEXT COLLATE "C" NOT NULL,
  quote_count       INTEGER NOT NULL DEFAULT 0,
  entity_count      INTEGER NOT NULL DEFAULT 0,
  published_utc     TIMESTAMPTZ GENERATED ALWAYS AS (news_utc_instant(published_at)) STORED,
  -- Generated, not written by the writer as SQLite's FTS5 index is (sqlite 005): the row carries its
  -- own terms, so no write path can leave the index behind, and a GIN index takes a batch's rows
  -- through its pending list rather than a segment per statement. Title matches weigh A, the body
  -- D: ts_rank's default weights make that ten to one, as bm25(articles_fts, 10.0, 1.0) does.
  -- PostgreSQL 15 computes it again only when an UPDATE sets title or text, not a counter.
  search            TSVECTOR GENERATED ALWAYS AS (news_search_document(title, text)) STORED
);

CREATE INDEX articles_newest ON articles (sort_at DESC, id DESC);
CREATE INDEX articles_by_extractor ON articles (extractor_version, id);
CREATE INDEX articles_by_published ON articles (published_utc, id);
CREATE INDEX articles_by_dateline ON articles (lower(dateline), sort_at DESC, id DESC);
CREATE INDEX articles_by_publisher ON articles (lower(publisher), sort_at DESC, id DESC);
CREATE INDEX articles_search ON articles USING gin (search);

CREATE TABLE paragraphs (
  article_id TEXT COLLATE "C" NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  idx        INTEGER NOT NULL,
  kind       TEXT COLLATE "C" NOT NULL CHECK (kind IN ('paragraph', 'heading')),
  text       TEXT NOT NULL,
  start      INTEGER NOT NULL,
  "end"      INTEGER NOT NULL,
  PRIMARY KEY (article_id, idx)
);

CREATE TABLE entities (
  id            TEXT COLLATE "C" PRIMARY KEY,
  name          TEXT COLLATE "C" NOT NULL,
  type          TEXT COLLATE "C" NOT NULL CHECK (type IN ('person', 'organization', 'location', 'facility', 'group', 'other')),
  -- denormalised counters, kept right by the repository inside each write's transaction
  article_count INTEGER NOT NULL DEFAULT 0,
  mention_count INTEGER NOT NULL DEFAULT 0,
  quote_count   INTEGER NOT NULL DEFAULT 0,
  -- a country's ISO 3166-1 alpha-2 code, a city's GeoNames id (when the gazetteer matched the name)
  iso3166       TEXT COLLATE "C",
  geonames_id   INTEGER
);

CREATE INDEX entities_prominent ON entities (mention_count DESC, id);
CREATE INDEX entities_by_type ON entities (type, mention_count DESC, id);
CREATE INDEX entities_by_articles ON entities (article_count DESC, id);
CREATE INDEX entities_by_type_articles ON entities (type, article_count DESC, id);

CREATE TABLE entity_aliases (
  entity_id TEXT COLLATE "C" NOT NULL REFERENCES entities (id) ON DELETE CASCADE,
  alias     TEXT COLLATE "C" NOT NULL,
  PRIMARY KEY (entity_id, alias)
);

CREATE TABLE entity_titles (
  entity_id TEXT COLLATE "C" NOT NULL REFERENCES entities (id) ON DELETE CASCADE,
  title     TEXT COLLATE "C" NOT NULL,
  PRIMARY KEY (entity_id, title)
);

-- Look-up keys, written by the article writer with every entity it stores: each alias's key
-- ('alias': lower case, accents and periods dropped) and a person's surname ('surname': the last
-- word of a name of several words), so that "Lavrov" in a later article finds "Sergey Lavrov".
CREATE TABLE entity_keys (
  key       TEXT COLLATE "C" NOT NULL,
  kind      TEXT COLLATE "C" NOT NULL CHECK (kind IN ('alias', 'surname')),
  entity_id TEXT COLLATE "C" NOT NULL REFERENCES entities (id) ON DELETE CASCADE,
  PRIMARY KEY (key, kind, entity_id)
);

CREATE INDEX entity_keys_by_entity ON entity_keys (entity_id);

-- An entity folded into another (a surname stored alone, then its full name): its old id answers a
-- redirect to the new one. No foreign keys: the source is gone, and a target that goes too is checked
-- on read (and its redirects deleted with it).
CREATE TABLE entity_redirects (
  from_id TEXT COLLATE "C" PRIMARY KEY,
  to_id   TEXT COLLATE "C" NOT NULL
);

CREATE INDEX entity_redirects_to ON entity_redirects (to_id);

-- One row per entity per article: the entity's place in the article's document order.
CREATE TABLE article_entities (
  article_id TEXT COLLATE "C" NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  entity_id  TEXT COLLATE "C" NOT NULL REFERENCES entities (id),
  position   INTEGER NOT NULL,
  sort_at    TEXT COLLATE "C" NOT NULL, -- the article's, so an entity's articles page newest first from the index
  PRIMARY KEY (article_id, entity_id)
);

CREATE INDEX article_entities_by_entity ON article_entities (entity_id, sort_at DESC, article_id DESC);
CREATE UNIQUE INDEX article_entities_in_order ON article_entities (article_id, position);

CREATE TABLE mentions (
  article_id TEXT COLLATE "C" NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  entity_id  TEXT COLLATE "C" NOT NULL REFERENCES entities (id),
  start      INTEGER NOT NULL,
  "end"      INTEGER NOT NULL,
  text       TEXT NOT NULL,
  PRIMARY KEY (article_id, start, "end", entity_id)
);

CREATE INDEX mentions_by_entity ON mentions (entity_id, article_id);

CREATE TABLE quotes (
  id           TEXT COLLATE "C" PRIMARY KEY,
  article_id   TEXT COLLATE "C" NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  position     INTEGER NOT NULL,
  kind         TEXT COLLATE "C" NOT NULL CHECK (kind IN ('direct', 'indirect', 'mixed')),
  text         TEXT NOT NULL,
  spans        JSON NOT NULL CHECK (json_typeof(spans) = 'array'), -- [{ start, end }]
  cue_text     TEXT COLLATE "C",
  cue_start    INTEGER,
  cue_end      INTEGER,
  source_text  TEXT,
  source_start INTEGER,
  source_end   INTEGER,
  speaker_id   TEXT COLLATE "C" REFERENCES entities (id),
  paragraph    INTEGER,
  -- copied from the article so that quote lists page newest first without a join
  sort_at      TEXT COLLATE "C" NOT NULL,
  -- generated, as articles.search is; bm25(quotes_fts) weighed its one column alone
  search       TSVECTOR GENERATED ALWAYS AS (news_search_document(NULL, text)) STORED
);

CREATE UNIQUE INDEX quotes_in_article ON quotes (article_id, position);
-- lists page newest article first, each article's quotes in document order
CREATE INDEX quotes_newest ON quotes (sort_at DESC, article_id DESC, position);
CREATE INDEX quotes_by_speaker ON quotes (speaker_id, sort_at DESC, article_id DESC, position);
CREATE INDEX quotes_by_kind ON quotes (kind, sort_at DESC, article_id DESC, position);
CREATE INDEX quotes_by_cue ON quotes (lower(cue_text), sort_at DESC, article_id DESC, position);
CREATE INDEX quotes_search ON quotes USING gin (search);

-- A client's Idempotency-Key and what its first request did, so a retry answers the same.
-- No foreign key to articles: a key outlives a re-parse (which replaces the row) and is simply
-- ignored once its article is gone or it has expired.
CREATE TABLE idempotency_keys (
  client      TEXT COLLATE "C" NOT NULL, -- a digest of the API key that sent it: clients' keys never collide
  key         TEXT COLLATE "C" NOT NULL,
  fingerprint TEXT COLLATE "C" NOT NULL, -- digest of the request's text and metadata: the same key with another request is refused
  article_id  TEXT COLLATE "C" NOT NULL,
  status      INTEGER NOT NULL, -- what the first request answered: 201 or 200
  created_at  TIMESTAMPTZ NOT NULL,
  PRIMARY KEY (client, key)
);

CREATE INDEX idempotency_keys_by_age ON idempotency_keys (created_at);
