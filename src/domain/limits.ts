/** The largest article a client may send, in bytes: a request body, an NDJSON line or a .txt file. */
export const DEFAULT_MAX_ARTICLE_BYTES = 1024 * 1024

/** Items a streamed export reads per query: memory stays bounded whatever the result's size. */
export const STREAM_CHUNK = 500

/** Buckets per facet when a client asks for facets without facetSize. */
export const DEFAULT_FACET_SIZE = 10

/** The largest bulk body queued as a job (Prefer: respond-async): it is held until the job runs. */
export const DEFAULT_MAX_JOB_BYTES = 256 * 1024 * 1024

/**
 * The rows a ranked search orders: the newest this many that match (docs/api.md, "Search"). Ranking
 * every match costs in proportion to how common a word is, so a common word at 100k articles took
 * seconds; the newest thousand bound that work whatever the archive's size, and total still counts
 * every match.
 */
export const RANK_WINDOW = 1000
