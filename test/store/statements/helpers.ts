// Quotes for the statement tests: a quote from text and speaker, ids and order from a counter.
import type { StatementQuote } from '../../../src/domain/statements.js'
import { fingerprintQuote, type Fingerprint } from '../../../src/store/statements/fingerprint.js'
import { DEFAULT_STATEMENT_SETTINGS } from '../../../src/store/statements/settings.js'

export function quote (id: string, text: string, speakerId: string | null = 'ruth-okafor', articleId = `article-${id}`): StatementQuote {
  return { id, articleId, text, speakerId, order: id }
}

export function print (id: string, text: string, speakerId: string | null = 'ruth-okafor'): Fingerprint {
  return fingerprintQuote(quote(id, text, speakerId), DEFAULT_STATEMENT_SETTINGS)
}
