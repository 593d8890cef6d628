import { z } from 'zod'

export const Health = z.object({
  status: z.literal('ok')
}).meta({ id: 'Health' })

export const Readiness = z.object({
  status: z.enum(['ready', 'degraded']).describe('`degraded`: reads are answered, writes are not (`detail` says why)'),
  migrations: z.number().int().describe('Migrations applied'),
  detail: z.string().optional(),
  databases: z.array(z.object({
    name: z.string(),
    role: z.enum(['primary', 'replica']),
    problem: z.string().nullable().describe('Why it is left out, or null when it serves')
  })).optional().describe('On PostgreSQL: the primary and each replica')
}).meta({ id: 'Readiness' })
