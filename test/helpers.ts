import { fileURLToPath } from 'node:url'
import type { Test } from 'tap'
import { buildApp, type App, type AppOptions } from '../src/app.js'
import type { ParsedArticle } from '../src/domain/extraction.js'
import type { Db } from '../src/store/sqlite/connection.js'
import { SqliteStore } from '../src/store/sqlite/store.js'

export const SEED_DIR = fileURLToPath(new URL('../seed/', import.meta.url))

/** The key test apps that write accept (pass `apiKeys: [API_KEY]`). */
export const API_KEY = 'test-key-0123456789abcdef'
export const AUTH = { authorization: `Bearer ${API_KEY}` }

/** A fresh app on its own in-memory database, closed when the test ends. */
export async function testApp (t: Test, options: { seed?: boolean } & Omit<AppOptions, 'database' | 'seedDirectory'> = {}): Promise<App> {
  const { seed, ...rest } = options
  const app = buildApp({ database: ':memory:', seedDirectory: seed ? SEED_DIR : null, ...rest })
  t.teardown(() => app.close())
  await app.ready()
  return app
}

/** The SQLite handle under a test app's store, for tests that check rows directly. */
export function dbOf (app: App): Db {
  if (!(app.store instanceof SqliteStore)) throw new Error('this test reads SQLite rows: its app needs a SQLite store')
  return app.store.db
}

/** A parse made by hand, so repository and route tests do not depend on the pipeline's judgement. */
export function parsedArticle (text: string, overrides: Partial<ParsedArticle> = {}): ParsedArticle {
  const speakerAt = text.indexOf('Ada Lovelace')
  const said = text.indexOf('said')
  const contentEnd = speakerAt >= 0 ? speakerAt - 2 : Math.max(0, said - 1)
  const mentions = speakerAt >= 0 ? [{ text: 'Ada Lovelace', start: speakerAt, end: speakerAt + 'Ada Lovelace'.length }] : []
  return {
    title: 'A title',
    titleSpan: null,
    dek: null,
    byline: null,
    dateline: null,
    trailer: [],
    lede: text.slice(0, 40),
    paragraphs: [{ index: 0, kind: 'paragraph', text, start: 0, end: text.length }],
    entities: mentions.length
      ? [{ id: 'person-ada-lovelace', name: 'Ada Lovelace', type: 'person', aliases: ['Ada Lovelace'], titles: ['Countess'], mentions }]
      : [],
    quotes: said >= 0
      ? [{
          text: text.slice(0, contentEnd),
          kind: 'indirect',
          spans: [{ start: 0, end: contentEnd }],
          cue: { text: 'said', start: said, end: said + 4 },
          source: mentions[0] ?? null,
          speakerId: mentions.length ? 'person-ada-lovelace' : null,
          paragraph: 0
        }]
      : [],
    ...overrides
  }
}

/** A text whose hand-made parse has one quote by Ada Lovelace. */
export function quotedText (n: number): string {
  return `Engines will compose music number ${n}, Ada Lovelace said.`
}
