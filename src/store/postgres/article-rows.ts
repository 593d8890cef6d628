// The article writer's multi-row statements: each writes a whole set of rows in one round trip,
// the rows passed as one array per column and turned back into rows by unnest. Data-modifying
// WITH clauses put several tables in one statement; the foreign keys are checked at its end.
import { gazetteerKey, placeIdentifiers } from '../../extract/index.js'
import type { ExtractedEntity, ExtractedQuote, Paragraph } from '../../domain/extraction.js'
import type { Queryable } from './connection.js'
import { quoteIdOf } from '../ids.js'
import { isFullName, surnameKeys } from './entity-resolver.js'
import type { StructureColumns } from '../article-structure.js'

/** The article row's values, as the SQLite writer's insert takes them. */
export interface ArticleRow extends StructureColumns {
  id: string
  title: string | null
  titleFromText: boolean
  publishedAt: string | null
  publisher: string | null
  url: string | null
  language: string
  text: string
  lede: string
  extractorVersion: string
  createdAt: string
  sortAt: string
  quoteCount: number
  entityCount: number
}

const INSERT_ARTICLE = `WITH article AS (
    INSERT INTO articles (id, title, title_from_text, dateline, published_at, publisher, url, language, text, lede,
      extractor_version, created_at, sort_at, quote_count, entity_count,
      dek, byline, dateline_text, dateline_agency, dateline_date, trailer)
    VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $21, $22, $23, $24, $25, $26::json))
  INSERT INTO paragraphs (article_id, idx, kind, text, start, "end")
  SELECT $1::text, * FROM unnest($16::int4[], $17::text[], $18::text[], $19::int4[], $20::int4[])`

export async function insertArticle (db: Queryable, a: ArticleRow, paragraphs: Paragraph[]): Promise<void> {
  await db.query(INSERT_ARTICLE, [a.id, a.title, a.titleFromText, a.dateline, a.publishedAt, a.publisher, a.url,
    a.language, a.text, a.lede, a.extractorVersion, a.createdAt, a.sortAt, a.quoteCount, a.entityCount,
    paragraphs.map((p) => p.index), paragraphs.map((p) => p.kind), paragraphs.map((p) => p.text),
    paragraphs.map((p) => p.start), paragraphs.map((p) => p.end),
    a.dek, a.byline, a.datelineText, a.datelineAgency, a.datelineDate, JSON.stringify(a.trailer)])
}

// One batch of an article's entities, with their keys, aliases, titles, places and mentions. An
// entity met again is counted in the upsert itself (SQLite inserts, then adds), and a place stored
// before its identifiers were known gets them. xmax = 0 marks a row this statement inserted.
const INSERT_ENTITIES = `WITH stored AS (
    INSERT INTO entities AS e (id, name, type, iso3166, geonames_id, article_count, mention_count)
    SELECT id, name, type, iso3166, geonames_id, 1, mentions
    FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::int4[], $6::int4[]) AS g(id, name, type, iso3166, geonames_id, mentions)
    ON CONFLICT (id) DO UPDATE SET article_count = e.article_count + 1, mention_count = e.mention_count + excluded.mention_count,
      iso3166 = CASE WHEN e.iso3166 IS NULL AND e.geonames_id IS NULL THEN excluded.iso3166 ELSE e.iso3166 END,
      geonames_id = CASE WHEN e.iso3166 IS NULL AND e.geonames_id IS NULL THEN excluded.geonames_id ELSE e.geonames_id END
    RETURNING e.id, xmax = 0 AS created),
  -- an id stored again is itself, no longer a redirect
  unredirected AS (DELETE FROM entity_redirects r USING stored s WHERE s.created AND r.from_id = s.id),
  keyed AS (INSERT INTO entity_keys (key, kind, entity_id)
    SELECT * FROM unnest($7::text[], $8::text[], $9::text[]) ON CONFLICT DO NOTHING),
  aliased AS (INSERT INTO entity_aliases (entity_id, alias)
    SELECT * FROM unnest($10::text[], $11::text[]) ON CONFLICT DO NOTHING),
  titled AS (INSERT INTO entity_titles (entity_id, title)
    SELECT * FROM unnest($12::text[], $13::text[]) ON CONFLICT DO NOTHING),
  placed AS (INSERT INTO article_entities (article_id, entity_id, position, sort_at)
    SELECT $14::text, id, position, $15::text FROM unnest($1::text[], $16::int4[]) AS p(id, position)),
  mentioned AS (INSERT INTO mentions (article_id, entity_id, start, "end", text)
    SELECT $14::text, * FROM unnest($17::text[], $18::int4[], $19::int4[], $20::text[]))
  SELECT id, created FROM stored`

/** An entity's mentions without repeats of a span: SQLite's INSERT OR IGNORE skipped those, uncounted. */
function distinctMentions (entity: ExtractedEntity): ExtractedEntity['mentions'] {
  const seen = new Set<string>()
  return entity.mentions.filter((m) => {
    const span = `${m.start}:${m.end}`
    return seen.has(span) ? false : (seen.add(span), true)
  })
}

/** The look-up keys an entity is remembered by: each name's as an alias, a full name's surnames. */
function keyRows (e: ExtractedEntity): [string, string, string][] {
  const rows = [...new Set([e.name, ...e.aliases])].map((alias): [string, string, string] => [gazetteerKey(alias), 'alias', e.id])
  if (isFullName(e)) for (const key of surnameKeys(e.name)) rows.push([key, 'surname', e.id])
  return rows
}

const column = <T, V>(rows: T[], pick: (row: T) => V): V[] => rows.map(pick)

/** Writes `entities` (ids unique, already resolved) at positions from `first`; returns the ids it created. */
export async function insertEntities (db: Queryable, articleId: string, entities: ExtractedEntity[], first: number,
  sortAt: string): Promise<Set<string>> {
  const places = entities.map((e) => e.type === 'location' ? placeIdentifiers(e.name) : {})
  const mentions = entities.map(distinctMentions)
  const keys = entities.flatMap(keyRows)
  const aliases = entities.flatMap((e) => e.aliases.map((alias) => [e.id, alias] as const))
  const titles = entities.flatMap((e) => e.titles.map((title) => [e.id, title] as const))
  const spans = entities.flatMap((e, i) => (mentions[i] ?? []).map((m) => ({ id: e.id, ...m })))
  const { rows } = await db.query<{ id: string, created: boolean }>(INSERT_ENTITIES, [
    column(entities, (e) => e.id), column(entities, (e) => e.name), column(entities, (e) => e.type),
    column(places, (p) => p.iso3166 ?? null), column(places, (p) => p.geonamesId ?? null), column(mentions, (m) => m.length),
    column(keys, (k) => k[0]), column(keys, (k) => k[1]), column(keys, (k) => k[2]),
    column(aliases, (a) => a[0]), column(aliases, (a) => a[1]), column(titles, (x) => x[0]), column(titles, (x) => x[1]),
    articleId, sortAt, entities.map((_, i) => first + i),
    column(spans, (m) => m.id), column(spans, (m) => m.start), column(spans, (m) => m.end), column(spans, (m) => m.text)
  ])
  return new Set(rows.filter((row) => row.created).map((row) => row.id))
}

// The quotes, and each speaker's count by as many as it has among them
const INSERT_QUOTES = `WITH quoted AS (
    INSERT INTO quotes (id, article_id, position, kind, text, spans, cue_text, cue_start, cue_end,
      source_text, source_start, source_end, speaker_id, paragraph, sort_at)
    SELECT id, $1::text, position, kind, text, spans::json, cue_text, cue_start, cue_end,
      source_text, source_start, source_end, speaker_id, paragraph, $2::text
    FROM unnest($3::text[], $4::int4[], $5::text[], $6::text[], $7::text[], $8::text[], $9::int4[], $10::int4[],
      $11::text[], $12::int4[], $13::int4[], $14::text[], $15::int4[])
      AS q(id, position, kind, text, spans, cue_text, cue_start, cue_end, source_text, source_start, source_end, speaker_id, paragraph))
  UPDATE entities e SET quote_count = e.quote_count + c.n
  FROM (SELECT speaker_id, count(*) AS n FROM unnest($14::text[]) AS s(speaker_id) WHERE speaker_id IS NOT NULL GROUP BY speaker_id) c
  WHERE e.id = c.speaker_id`

/** Writes an article's quotes, each with the stored id of its speaker (or null). */
export async function insertQuotes (db: Queryable, articleId: string, sortAt: string,
  quotes: ExtractedQuote[], speakers: (string | null)[]): Promise<void> {
  if (quotes.length === 0) return
  const q = <V>(pick: (quote: ExtractedQuote) => V): V[] => quotes.map(pick)
  await db.query(INSERT_QUOTES, [articleId, sortAt,
    quotes.map((_, position) => quoteIdOf(articleId, position)), quotes.map((_, position) => position),
    q((x) => x.kind), q((x) => x.text), q((x) => JSON.stringify(x.spans.map(({ start, end }) => ({ start, end })))),
    q((x) => x.cue?.text ?? null), q((x) => x.cue?.start ?? null), q((x) => x.cue?.end ?? null),
    q((x) => x.source?.text ?? null), q((x) => x.source?.start ?? null), q((x) => x.source?.end ?? null),
    speakers, q((x) => x.paragraph)])
}

// Takes an article's counts off its entities (SQLite's two updates, in one: a speaker is usually
// among its entities, and one statement updates a row once), and deletes the article, whose
// paragraphs, places, mentions and quotes go with it.
const REMOVE_ARTICLE = `WITH counted AS (
    SELECT id, sum(articles) AS articles, sum(mentions) AS mentions, sum(quotes) AS quotes FROM (
      SELECT entity_id AS id, 1 AS articles, 0 AS mentions, 0 AS quotes FROM article_entities WHERE article_id = $1
      UNION ALL SELECT m.entity_id, 0, 1, 0 FROM mentions m WHERE m.article_id = $1
        AND EXISTS (SELECT 1 FROM article_entities x WHERE x.article_id = $1 AND x.entity_id = m.entity_id)
      UNION ALL SELECT speaker_id, 0, 0, 1 FROM quotes WHERE article_id = $1 AND speaker_id IS NOT NULL) parts
    GROUP BY id),
  removed AS (DELETE FROM articles WHERE id = $1)
  UPDATE entities e SET article_count = e.article_count - c.articles, mention_count = e.mention_count - c.mentions,
    quote_count = e.quote_count - c.quotes
  FROM counted c WHERE e.id = c.id`

// entities left without articles go, and the redirects to them with them
const DELETE_ORPHANS = `WITH gone AS (DELETE FROM entities WHERE id = ANY($1::text[]) AND article_count <= 0 RETURNING id)
  DELETE FROM entity_redirects r USING gone WHERE r.to_id = gone.id`

/** Removes an article with its rows, and the entities (`entityIds`, its own) it leaves without one. */
export async function removeArticle (db: Queryable, id: string, entityIds: string[]): Promise<void> {
  await db.query(REMOVE_ARTICLE, [id])
  if (entityIds.length > 0) await db.query(DELETE_ORPHANS, [entityIds])
}
