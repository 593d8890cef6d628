import { createHash } from 'node:crypto'

// Ids every adapter gives alike, so an article keeps its id whichever store holds it.

/** An article's id is derived from its text alone, so the same text always gets the same id. */
export function articleIdOf (text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex').slice(0, 20)
}

export function quoteIdOf (articleId: string, position: number): string {
  return `${articleId}-q${position + 1}`
}
