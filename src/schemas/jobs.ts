import { z } from 'zod'
import { JOB_KINDS, JOB_STATES } from '../domain/jobs.js'
import { IdParam, Problem } from './common.js'

export const JobParams = IdParam

export const Job = z.object({
  id: z.string(),
  kind: z.enum(JOB_KINDS).describe('`bulk`: a POST /articles/bulk sent with `Prefer: respond-async`; `reindex`: a re-extraction'),
  state: z.enum(JOB_STATES).describe('queued → running → succeeded or failed; a job whose runner died runs again from its start'),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  counts: z.object({
    done: z.number().int().describe('Input lines read (bulk) or articles re-parsed (reindex) so far'),
    total: z.number().int().nullable().describe('What there is to do, once known'),
    created: z.number().int(),
    existing: z.number().int(),
    failed: z.number().int()
  }),
  failures: z.array(z.object({ line: z.number().int(), problem: Problem }))
    .describe('The lines that failed, in order (the first 1000; `counts.failed` counts them all)'),
  error: z.string().nullable().describe('Why the job as a whole failed')
}).meta({
  id: 'Job',
  examples: [{
    id: '3f2b9d0e-8c1a-4a57-9d7e-0b5c2f1e6a44',
    kind: 'bulk',
    state: 'succeeded',
    createdAt: '2026-12-07T10:00:00.000Z',
    startedAt: '2026-12-07T10:00:00.020Z',
    finishedAt: '2026-12-07T10:00:04.500Z',
    counts: { done: 3, total: 3, created: 2, existing: 0, failed: 1 },
    failures: [{ line: 2, problem: { type: 'about:blank', title: 'Bad Request', status: 400, detail: 'line 2: is not JSON (Unexpected token)', instance: '/jobs/3f2b9d0e-8c1a-4a57-9d7e-0b5c2f1e6a44#line=2' } }],
    error: null
  }]
})
