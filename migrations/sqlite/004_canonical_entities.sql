-- Canonical entities across articles: the keys a new article's names are looked up by, and the
-- identifiers of known places.

-- A country's ISO 3166-1 alpha-2 code, a city's GeoNames id (when the gazetteer matched the name).
ALTER TABLE entities ADD COLUMN iso3166 TEXT;
ALTER TABLE entities ADD COLUMN geonames_id INTEGER;

-- Look-up keys, written by the article writer with every entity it stores: each alias's key
-- ('alias': lower case, accents and periods dropped) and a person's surname ('surname': the last
-- word of a name of several words), so that "Lavrov" in a later article finds "Sergey Lavrov".
CREATE TABLE entity_keys (
  key       TEXT NOT NULL,
  kind      TEXT NOT NULL CHECK (kind IN ('alias', 'surname')),
  entity_id TEXT NOT NULL REFERENCES entities (id) ON DELETE CASCADE,
  PRIMARY KEY (key, kind, entity_id)
) STRICT, WITHOUT ROWID;

CREATE INDEX entity_keys_by_entity ON entity_keys (entity_id);

-- Entities stored before this migration. SQLite's lower() folds ASCII only, so a name with accents
-- stored earlier is found by its exact lower-case form until a re-parse (npm run reindex) rewrites it.
INSERT OR IGNORE INTO entity_keys (key, kind, entity_id)
  SELECT lower(trim(replace(alias, '.', ''))), 'alias', entity_id FROM entity_aliases;
-- the last word: rtrim strips every character of the name but spaces from the right, leaving the
-- words before the last; what remains after them is the surname
INSERT OR IGNORE INTO entity_keys (key, kind, entity_id)
  SELECT lower(replace(substr(name, length(rtrim(name, replace(name, ' ', ''))) + 1), '.', '')), 'surname', id
  FROM entities WHERE type = 'person' AND instr(trim(name), ' ') > 0;
-- and without a leading particle: "Sharaa" finds "Ahmad al-Sharaa"
INSERT OR IGNORE INTO entity_keys (key, kind, entity_id)
  SELECT substr(key, instr(key, '-') + 1), 'surname', entity_id FROM entity_keys
  WHERE kind = 'surname' AND (key LIKE 'al-_%' OR key LIKE 'el-_%' OR key LIKE 'ad-_%' OR key LIKE 'as-_%'
    OR key LIKE 'ash-_%' OR key LIKE 'bin-_%' OR key LIKE 'ibn-_%' OR key LIKE 'abu-_%');

-- An entity folded into another (a surname stored alone, then its full name): its old id answers a
-- redirect to the new one. No foreign keys: the source is gone, and a target that goes too is checked
-- on read (and its redirects deleted with it).
CREATE TABLE entity_redirects (
  from_id TEXT PRIMARY KEY,
  to_id   TEXT NOT NULL
) STRICT, WITHOUT ROWID;

CREATE INDEX entity_redirects_to ON entity_redirects (to_id);

-- GET /entities?sort=articles within a type
CREATE INDEX entities_by_type_articles ON entities (type, article_count DESC, id);
