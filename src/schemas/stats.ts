import { z } from 'zod'
import { TIMELINE_INTERVALS } from '../domain/values.js'
import { timeBound } from './query.js'

export const TimelineQuery = z.object({
  entity: z.string().min(1).max(200).optional().describe('Count the articles that mention this entity id, and the quotes whose content mentions it'),
  speaker: z.string().min(1).max(200).optional().describe('Count the articles that quote this entity id, and the quotes it spoke'),
  interval: z.enum(TIMELINE_INTERVALS).default('month').describe('The period counted: `day`, `week` (ISO, from Monday) or `month`'),
  from: timeBound('from'),
  to: timeBound('to')
}).strict()

export const Timeline = z.object({
  interval: z.enum(TIMELINE_INTERVALS),
  data: z.array(z.object({
    period: z.string().describe('The period: 2025-12-17 (day), its Monday 2025-12-15 (week) or 2025-12 (month)'),
    articles: z.number().int().describe('Articles in the period'),
    quotes: z.number().int().describe('Quotes in the period')
  })).describe('Periods with at least one article or quote, oldest first')
}).meta({
  id: 'Timeline',
  examples: [{ interval: 'month', data: [{ period: '2025-11', articles: 12, quotes: 40 }, { period: '2025-12', articles: 3, quotes: 9 }] }]
})
