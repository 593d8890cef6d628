import type { Queryable } from './connection.js'
import type {
  AsyncStatementTables, BucketRow, ClassRow, ClassStatement, EdgeRow, MemberRow, StaleQuote, StatementRow
} from '../statements/tables.js'

interface ClassColumns { id: string, key: string, speaker_id: string | null, canonical: string }

// BIGINT ids arrive as strings; the class ids of one database stay far below 2^53
const toClass = (r: ClassColumns): ClassRow => ({ id: Number(r.id), key: r.key, speakerId: r.speaker_id, canonical: r.canonical })

// the quote's order: its article's publication in UTC, else its creation, written as SQLite writes it
const ORDER = `to_char(coalesce(a.published_utc, a.created_at) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`

const STALE = `SELECT q.id, q.article_id AS "articleId", q.text, q.speaker_id AS "speakerId", ${ORDER} AS "order",
    q.statement_text_id::float8 AS "classId", q.statement_id AS "statementId"
  FROM quotes q JOIN articles a ON a.id = q.article_id WHERE q.statement_stale ORDER BY q.id LIMIT $1`
const EMPTY = `SELECT t.id::float8 AS id FROM statement_texts t WHERE t.id = ANY($1::bigint[])
  AND NOT EXISTS (SELECT 1 FROM quotes q WHERE q.statement_text_id = t.id)`
const NEIGHBOURS = `SELECT text_id::float8 AS "from", other_id::float8 AS "to" FROM statement_echoes WHERE text_id = ANY($1::bigint[])`
const CLASS_COLUMNS = 'id, key, speaker_id, canonical'
const MEMBERS = `SELECT q.id, q.article_id AS "articleId", q.statement_text_id::float8 AS "classId", q.text, ${ORDER} AS "order",
    a.publisher, q.statement_id AS "statementId"
  FROM quotes q JOIN articles a ON a.id = q.article_id WHERE q.statement_text_id = ANY($1::bigint[])`
const WRITE_STATEMENTS = `INSERT INTO statements (id, speaker_id, text, first_quote_id, first_article_id, first_seen, quote_count,
    article_count, publisher_count, variant_count)
  SELECT id, "speakerId", text, "firstQuoteId", "firstArticleId", "firstSeen", "quoteCount", "articleCount", "publisherCount", "variantCount"
  FROM jsonb_to_recordset($1::jsonb) AS r(id text, "speakerId" text, text text, "firstQuoteId" text, "firstArticleId" text,
    "firstSeen" text, "quoteCount" int, "articleCount" int, "publisherCount" int, "variantCount" int)
  ON CONFLICT (id) DO UPDATE SET speaker_id = excluded.speaker_id, text = excluded.text, first_quote_id = excluded.first_quote_id,
    first_article_id = excluded.first_article_id, first_seen = excluded.first_seen, quote_count = excluded.quote_count,
    article_count = excluded.article_count, publisher_count = excluded.publisher_count, variant_count = excluded.variant_count`

// An exact copy joining its class's statement, in one round trip: a new article and a new publisher
// counted (the publisher row inserted, or already there), the quote's ids set.
const JOIN_STATEMENT = `WITH article AS (
    SELECT NOT EXISTS (SELECT 1 FROM quotes WHERE article_id = $2 AND statement_id = $1) AS new
  ), publisher AS (
    INSERT INTO statement_publishers (statement_id, publisher)
    SELECT $1, publisher FROM articles WHERE id = $2 AND publisher IS NOT NULL ON CONFLICT DO NOTHING RETURNING 1
  ), counted AS (
    UPDATE statements SET quote_count = quote_count + 1,
      article_count = article_count + (SELECT new::int FROM article),
      publisher_count = publisher_count + (SELECT count(*)::int FROM publisher),
      variant_count = variant_count + $5::int, text = coalesce($6::text, text)
    WHERE id = $1
  )
  UPDATE quotes SET statement_text_id = $4, statement_id = $1, statement_stale = false WHERE id = $3`

// Quotes of new classes linked to none: each the one quote of a new statement, in one round trip.
const START_STATEMENTS = `WITH s AS (
    SELECT * FROM jsonb_to_recordset($1::jsonb)
      AS r(id text, "articleId" text, "speakerId" text, text text, "order" text, "classId" bigint)
  ), started AS (
    INSERT INTO statements (id, speaker_id, text, first_quote_id, first_article_id, first_seen, quote_count, article_count,
      publisher_count, variant_count)
    SELECT s.id, s."speakerId", s.text, s.id, a.id, s."order", 1, 1, (a.publisher IS NOT NULL)::int, 1
    FROM s JOIN articles a ON a.id = s."articleId"
  ), publisher AS (
    INSERT INTO statement_publishers (statement_id, publisher)
    SELECT s.id, a.publisher FROM s JOIN articles a ON a.id = s."articleId" WHERE a.publisher IS NOT NULL ON CONFLICT DO NOTHING
  )
  UPDATE quotes q SET statement_text_id = s."classId", statement_id = s.id, statement_stale = false FROM s WHERE q.id = s.id`

/**
 * The statement tables (migration 005) for the assignment in statements/sync.ts, on the client of
 * the article's write transaction (the store takes the statements' advisory lock first).
 */
export function pgStatementTables (db: Queryable): AsyncStatementTables {
  const rows = async <T>(sql: string, params: unknown[]): Promise<T[]> =>
    (await db.query(sql, params)).rows as T[]
  const run = async (sql: string, params: unknown[]): Promise<void> => { await db.query(sql, params) }
  return {
    staleQuotes: async (limit) => rows<StaleQuote>(STALE, [limit]),
    detachQuotes: async (ids) => { if (ids.length > 0) await run('UPDATE quotes SET statement_text_id = NULL WHERE id = ANY($1::text[])', [ids]) },
    emptyClasses: async (ids) => ids.length === 0 ? [] : (await rows<{ id: number }>(EMPTY, [ids])).map((r) => r.id),
    deleteClasses: async (ids) => {
      if (ids.length === 0) return []
      const gone = new Set(ids)
      const neighbours = (await rows<{ to: number }>(NEIGHBOURS, [ids])).map((r) => r.to).filter((id) => !gone.has(id))
      await run(`DELETE FROM statement_buckets b USING statement_texts t, unnest(t.bucket_keys) k
        WHERE t.id = ANY($1::bigint[]) AND b.key = k AND b.text_id = t.id`, [ids])
      await run('DELETE FROM statement_texts WHERE id = ANY($1::bigint[])', [ids])
      return [...new Set(neighbours)]
    },
    classesByKeys: async (keys) => keys.length === 0
      ? []
      : (await rows<ClassColumns>(`SELECT ${CLASS_COLUMNS} FROM statement_texts WHERE key = ANY($1::text[])`, [keys])).map(toClass),
    bucketRows: async (keys, perKey) => keys.length === 0
      ? []
      : rows<BucketRow>(`SELECT k.key, b.text_id::float8 AS id FROM unnest($1::text[]) AS k(key)
          CROSS JOIN LATERAL (SELECT text_id FROM statement_buckets WHERE key = k.key ORDER BY text_id DESC LIMIT $2) b`, [keys, perKey]),
    insertClasses: async (classes) => {
      if (classes.length === 0) return []
      // ids drawn first, so they ascend in the batch's order (recency is by id)
      const ids = (await rows<{ id: number }>(`SELECT nextval(pg_get_serial_sequence('statement_texts', 'id'))::float8 AS id
        FROM generate_series(1, $1)`, [classes.length])).map((r) => r.id).sort((a, b) => a - b)
      const json = JSON.stringify(classes.map((c, i) => ({ ...c, id: ids[i] })))
      await run(`INSERT INTO statement_texts (id, key, speaker_id, canonical, bucket_keys)
        SELECT id, key, "speakerId", canonical, "bucketKeys"
        FROM jsonb_to_recordset($1::jsonb) AS r(id bigint, key text, "speakerId" text, canonical text, "bucketKeys" text[])`, [json])
      await run(`INSERT INTO statement_buckets (key, text_id)
        SELECT DISTINCT k, r.id FROM jsonb_to_recordset($1::jsonb) AS r(id bigint, "bucketKeys" text[]), unnest(r."bucketKeys") k
        ORDER BY 1, 2 ON CONFLICT DO NOTHING`, [json])
      return ids
    },
    insertEdges: async (edges: EdgeRow[]) => {
      if (edges.length === 0) return
      await run(`INSERT INTO statement_echoes (text_id, other_id, relation, similarity)
        SELECT "from", "to", relation, similarity FROM jsonb_to_recordset($1::jsonb) AS r("from" bigint, "to" bigint, relation text, similarity float8)
        ON CONFLICT (text_id, other_id) DO UPDATE SET relation = excluded.relation, similarity = excluded.similarity`, [JSON.stringify(edges)])
    },
    assignClasses: async (pairs) => {
      if (pairs.length === 0) return
      await run(`UPDATE quotes q SET statement_text_id = p."classId", statement_stale = false
        FROM jsonb_to_recordset($1::jsonb) AS p("quoteId" text, "classId" bigint) WHERE q.id = p."quoteId"`, [JSON.stringify(pairs)])
    },
    neighbours: async (ids) => ids.length === 0 ? [] : (await rows<{ from: number, to: number }>(NEIGHBOURS, [ids])).map((r) => [r.from, r.to]),
    classes: async (ids) => ids.length === 0
      ? []
      : (await rows<ClassColumns>(`SELECT ${CLASS_COLUMNS} FROM statement_texts WHERE id = ANY($1::bigint[])`, [ids])).map(toClass),
    members: async (ids) => ids.length === 0 ? [] : rows<MemberRow>(MEMBERS, [ids]),
    setStatementIds: async (pairs) => {
      if (pairs.length === 0) return
      await run(`UPDATE quotes q SET statement_id = p."statementId"
        FROM jsonb_to_recordset($1::jsonb) AS p("quoteId" text, "statementId" text) WHERE q.id = p."quoteId"`, [JSON.stringify(pairs)])
    },
    statementOfClass: async (classId) => {
      const [row] = await rows<ClassStatement>(`SELECT s.id, s.text, s.first_seen AS "firstSeen", s.first_quote_id AS "firstQuoteId" FROM statements s
        WHERE s.id = (SELECT statement_id FROM quotes WHERE statement_text_id = $1 AND statement_id IS NOT NULL LIMIT 1)`, [classId])
      return row ?? null
    },
    soleStatementOf: async (classIds) => {
      const [row] = await rows<ClassStatement>(`WITH found AS (
          SELECT count(DISTINCT statement_text_id) AS classes, count(DISTINCT statement_id) AS statements, min(statement_id) AS id
          FROM quotes WHERE statement_text_id = ANY($1::bigint[]) AND statement_id IS NOT NULL)
        SELECT s.id, s.text, s.first_seen AS "firstSeen", s.first_quote_id AS "firstQuoteId" FROM found JOIN statements s ON s.id = found.id
        WHERE found.classes = cardinality($1::bigint[]) AND found.statements = 1`, [classIds])
      return row ?? null
    },
    startStatements: async (starts) => {
      if (starts.length === 0) return
      await run(START_STATEMENTS, [JSON.stringify(starts.map(({ quote, classId }) => ({
        id: quote.id, articleId: quote.articleId, speakerId: quote.speakerId, text: quote.text, order: quote.order, classId
      })))])
    },
    joinStatement: async (quote, classId, statement, wording) => {
      await run(JOIN_STATEMENT, [statement, quote.articleId, quote.id, classId, wording === null ? 0 : 1, wording?.text ?? null])
    },
    writeStatements: async (written: StatementRow[], gone) => {
      const rewritten = [...gone, ...written.map((r) => r.id)]
      if (gone.length > 0) await run('DELETE FROM statements WHERE id = ANY($1::text[])', [gone])
      if (rewritten.length > 0) await run('DELETE FROM statement_publishers WHERE statement_id = ANY($1::text[])', [rewritten])
      if (written.length === 0) return
      await run(WRITE_STATEMENTS, [JSON.stringify(written)])
      await run(`INSERT INTO statement_publishers (statement_id, publisher)
        SELECT r.id, p FROM jsonb_to_recordset($1::jsonb) AS r(id text, "publisherNames" text[]), unnest(r."publisherNames") p
        ON CONFLICT DO NOTHING`, [JSON.stringify(written)])
    }
  }
}
