import { z } from 'zod'

export const Health = z.object({
  status: z.literal('ok')
}).meta({ id: 'Health' })

export const Readiness = z.object({
  status: z.literal('ready'),
  migrations: z.number().int().describe('Migrations applied')
}).meta({ id: 'Readiness' })
