// Work done after the request that asked for it: a bulk submission sent with Prefer: respond-async,
// and a re-extraction. A job's state is stored, so any process (the API, `npm run worker`) can run
// it and any client can follow it at /jobs/{id}.

export const JOB_KINDS = ['bulk', 'reindex'] as const
export type JobKind = (typeof JOB_KINDS)[number]

export const JOB_STATES = ['queued', 'running', 'succeeded', 'failed'] as const
export type JobState = (typeof JOB_STATES)[number]

/** The problem of one input line that failed (RFC 9457 fields). */
export interface LineProblem {
  type: string
  title: string
  status: number
  detail?: string | undefined
  instance?: string | undefined
  invalidParams?: { name: string, in: 'query' | 'path' | 'header' | 'body', reason: string }[] | undefined
}

export interface JobFailure {
  line: number
  problem: LineProblem
}

export interface JobCounts {
  /** Input lines read (bulk) or articles re-parsed (reindex). */
  done: number
  /** What there is to do, when known. */
  total: number | null
  created: number
  existing: number
  failed: number
}

export interface Job {
  id: string
  kind: JobKind
  state: JobState
  createdAt: string
  startedAt: string | null
  finishedAt: string | null
  counts: JobCounts
  /** The lines that failed, in line order (at most MAX_LISTED_FAILURES; counts.failed has them all). */
  failures: JobFailure[]
  /** Why the job as a whole failed, for a person. */
  error: string | null
}

/** Failures a job lists; past this only counted. */
export const MAX_LISTED_FAILURES = 1000
