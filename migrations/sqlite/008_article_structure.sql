-- The article's structure beyond its title (extractor 0.4.0): a dek, a byline, the dateline's parts
-- as written, and the trailer (production matter after the story) as spans. `dateline` keeps the
-- place, which the dateline filter, facet and index group by; articles parsed before carry the place
-- alone until re-extraction (dateline_text null: the API shows the place as the text).
ALTER TABLE articles ADD COLUMN dek TEXT;
ALTER TABLE articles ADD COLUMN byline TEXT;
ALTER TABLE articles ADD COLUMN dateline_text TEXT;
ALTER TABLE articles ADD COLUMN dateline_agency TEXT;
ALTER TABLE articles ADD COLUMN dateline_date TEXT;
-- JSON: [{"start": n, "end": n}, …], offsets into text
ALTER TABLE articles ADD COLUMN trailer TEXT NOT NULL DEFAULT '[]';
