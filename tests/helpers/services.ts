import pg from 'pg'

/**
 * PostgreSQL and Redis for the multi-server tests, as started by `.ci/services start`. Without
 * them those tests are skipped, unless PK_REQUIRE_SERVICES is set (CI), where that is an error.
 */
export const services = {
  postgres: process.env.PK_TEST_POSTGRES_URL ?? null,
  redis: process.env.PK_TEST_REDIS_URL ?? null,
}

export const servicesMissing = !services.postgres || !services.redis

if (servicesMissing && process.env.PK_REQUIRE_SERVICES) {
  throw new Error(
    'PK_REQUIRE_SERVICES is set but PK_TEST_POSTGRES_URL or PK_TEST_REDIS_URL is not: run eval "$(.ci/services start)"',
  )
}

/** A database of its own for one test; `drop` removes it. */
export async function freshDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const base = new URL(services.postgres!)
  const name = `pk_${Math.random().toString(36).slice(2, 10)}`
  const admin = new pg.Client({ connectionString: services.postgres! })
  await admin.connect()
  await admin.query(`CREATE DATABASE ${name}`)
  await admin.end()
  const url = new URL(base)
  url.pathname = `/${name}`
  return {
    url: url.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: services.postgres! })
      await client.connect()
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
      await client.end()
    },
  }
}
