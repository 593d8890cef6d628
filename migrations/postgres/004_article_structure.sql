-- The article's structure beyond its title (extractor 0.4.0), as sqlite 008: a dek, a byline, the
-- dateline's parts as written, and the trailer as spans. `dateline` keeps the place, which the
-- dateline filter, facet and index group by; articles parsed before carry the place alone until
-- re-extraction (dateline_text null: the API shows the place as the text).
ALTER TABLE articles
  ADD COLUMN dek text,
  ADD COLUMN byline text,
  ADD COLUMN dateline_text text,
  ADD COLUMN dateline_agency text,
  ADD COLUMN dateline_date text,
  -- [{"start": n, "end": n}, …], offsets into text; json, as quotes.spans: the text as written
  ADD COLUMN trailer json NOT NULL DEFAULT '[]';
