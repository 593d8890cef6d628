import { z } from 'zod'

const Config = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('localhost'),
  DATABASE_PATH: z.string().min(1).default('./data/news.db'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info')
})

export type Config = z.infer<typeof Config>

/** Reads the service's configuration from the environment; a bad value stops the start with a message. */
export function readConfig (env: NodeJS.ProcessEnv = process.env): Config {
  const result = Config.safeParse(env)
  if (!result.success) {
    const problems = result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')
    throw new Error(`Bad configuration: ${problems}`)
  }
  return result.data
}
