// How both stores keep an article's structure beyond its title (migrations sqlite 008, postgres 004):
// the dateline's place in `dateline` (what the filter, facet and index group by) and its other parts
// beside it, the dek and byline as written, the trailer as spans into the text.
import type { Dateline, ParsedArticle, Span, TextSpan } from '../domain/extraction.js'

/** The columns of a parse's structure, as both writers store them. */
export interface StructureColumns {
  dateline: string | null
  dek: string | null
  byline: string | null
  datelineText: string | null
  datelineAgency: string | null
  datelineDate: string | null
  trailer: Span[]
}

export function structureColumnsOf (parsed: ParsedArticle): StructureColumns {
  const d = parsed.dateline
  return {
    dateline: d?.place ?? null,
    dek: parsed.dek,
    byline: parsed.byline,
    datelineText: d?.text ?? null,
    datelineAgency: d?.agency ?? null,
    datelineDate: d?.date ?? null,
    trailer: parsed.trailer.map(({ start, end }) => ({ start, end }))
  }
}

/** The dateline columns of a row as both stores select them. */
export interface DatelineRow {
  dateline: string | null
  dateline_text: string | null
  dateline_agency: string | null
  dateline_date: string | null
}

/** A stored dateline; one stored before extractor 0.4.0 has its place alone, shown as its text too. */
export function datelineOf (row: DatelineRow): Dateline | null {
  if (row.dateline === null) return null
  return { text: row.dateline_text ?? row.dateline, place: row.dateline, agency: row.dateline_agency, date: row.dateline_date }
}

/** The trailer's spans with their words. */
export const trailerOf = (text: string, spans: Span[]): TextSpan[] =>
  spans.map(({ start, end }) => ({ start, end, text: text.slice(start, end) }))
