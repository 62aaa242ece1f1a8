// Cross-node edit-to-arrival latency: clients of one room split over two servers that share
// PostgreSQL and pass updates through Redis, next to the same room on one server, in one run.
// Needs PostgreSQL and Redis; throwaway ones on loopback: eval "$(.ci/services start)"
// Usage: npm run build && node bench/cluster.mjs [--clients 60] [--rounds 300] [--repeat 3]
//   [--postgres postgres://…] [--redis redis://…]  (default: PK_TEST_POSTGRES_URL, PK_TEST_REDIS_URL)
import fs from 'node:fs'
import os from 'node:os'
import { parseArgs } from 'node:util'
import pg from 'pg'
import { connectRaw } from './rawClient.mjs'
import { ourServerArgs, startServerProcess } from './serverProcess.mjs'
import { writeEdit } from './edits.mjs'

const { values } = parseArgs({
  options: {
    clients: { type: 'string', default: '60' },
    rounds: { type: 'string', default: '300' },
    repeat: { type: 'string', default: '3' },
    gap: { type: 'string', default: '5' },
    postgres: { type: 'string', default: process.env.PK_TEST_POSTGRES_URL ?? '' },
    redis: { type: 'string', default: process.env.PK_TEST_REDIS_URL ?? '' },
  },
})
if (!values.postgres || !values.redis) {
  console.error('PostgreSQL and Redis are needed: eval "$(.ci/services start)" first')
  process.exit(2)
}
const N = Number(values.clients)
const ROUNDS = Number(values.rounds)
const REPEAT = Number(values.repeat)
const GAP_MS = Number(values.gap)
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms))

/** A database of its own for each run, dropped after it. */
async function freshDatabase() {
  const name = `pk_bench_${Math.random().toString(36).slice(2, 10)}`
  const admin = new pg.Client({ connectionString: values.postgres })
  await admin.connect()
  await admin.query(`CREATE DATABASE ${name}`)
  await admin.end()
  const url = new URL(values.postgres)
  url.pathname = `/${name}`
  return {
    url: url.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: values.postgres })
      await client.connect()
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
      await client.end()
    },
  }
}

const percentile = (sorted, p) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]
const stats = (samples) => {
  const sorted = [...samples].sort((a, b) => a - b)
  return {
    samples: sorted.length,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
  }
}

/**
 * One room with N raw clients spread over `nodes` servers (client i on node i mod nodes). One
 * client at a time writes, round-robin; each other client's arrival is a sample, kept apart by
 * whether writer and receiver are on the same server. 10 warm-up rounds are not counted.
 */
async function measure(nodeCount, shared) {
  const db = shared ? await freshDatabase() : null
  const extra = shared
    ? ['--database-url', db.url, '--redis-url', values.redis, '--max-messages-per-second', '1000']
    : ['--max-messages-per-second', '1000']
  const servers = []
  for (let i = 0; i < nodeCount; i++) {
    servers.push(
      await startServerProcess((dataDir) => [...ourServerArgs(dataDir), ...extra], `node ${i}`),
    )
  }
  try {
    const created = await fetch(`http://127.0.0.1:${servers[0].port}/api/maps`, { method: 'POST' })
    const { roomId } = await created.json()
    const clients = Array.from({ length: N }, (_, i) => {
      const client = connectRaw(servers[i % nodeCount].port, '/ws', roomId)
      client.node = i % nodeCount
      return client
    })
    await Promise.all(clients.map((client) => client.synced))
    await sleep(200)
    const nodeOf = new Map(clients.map((client) => [client.doc.clientID, client.node]))
    const samples = { same: [], cross: [] }
    let pending = null
    for (const client of clients) {
      client.onUpdate = (writer, now) => {
        const sentAt = pending?.sentAt.get(writer)
        if (sentAt === undefined) return
        samples[nodeOf.get(writer) === client.node ? 'same' : 'cross'].push(now - sentAt)
        if (--pending.left === 0) pending.done()
      }
    }
    for (let round = 0; round < ROUNDS + 10; round++) {
      const writer = clients[round % N]
      const before = { same: samples.same.length, cross: samples.cross.length }
      await new Promise((resolve) => {
        pending = { sentAt: new Map([[writer.doc.clientID, performance.now()]]), left: N - 1 }
        pending.done = resolve
        writeEdit(writer.doc, `r${round}`, `note ${round}: ${'x'.repeat(80)}`)
      })
      if (round < 10) {
        samples.same.length = before.same
        samples.cross.length = before.cross
      }
      pending = null
      await sleep(GAP_MS)
    }
    for (const client of clients) client.destroy()
    return { same: samples.same, cross: samples.cross }
  } finally {
    for (const server of servers) {
      server.child.kill('SIGTERM')
      await new Promise((resolve) => server.child.once('exit', resolve))
      fs.rmSync(server.dataDir, { recursive: true, force: true })
    }
    await db?.drop()
  }
}

const SETUPS = [
  { name: 'one server, SQLite', nodes: 1, shared: false },
  { name: 'one server, PostgreSQL + Redis', nodes: 1, shared: true },
  { name: 'two servers, PostgreSQL + Redis', nodes: 2, shared: true },
]
const runs = []
for (let run = 0; run < REPEAT; run++) {
  for (const setup of SETUPS) {
    runs.push({ setup, ...(await measure(setup.nodes, setup.shared)) })
    console.error(`done: ${setup.name}, run ${run + 1}`)
  }
}

const middle = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)]
const rows = []
for (const setup of SETUPS) {
  const mine = runs.filter((run) => run.setup === setup)
  const kinds =
    setup.nodes === 1
      ? [['all', (r) => r.same]]
      : [
          ['same server', (r) => r.same],
          ['other server', (r) => r.cross],
          ['all', (r) => [...r.same, ...r.cross]],
        ]
  for (const [kind, pick] of kinds) {
    const each = mine.map((run) => stats(pick(run)))
    rows.push({
      name: setup.name,
      kind,
      samples: each.reduce((sum, s) => sum + s.samples, 0),
      p50: middle(each.map((s) => s.p50)),
      p95: middle(each.map((s) => s.p95)),
      p99: middle(each.map((s) => s.p99)),
      p95s: each.map((s) => s.p95),
    })
  }
}
const fmt = (ms) => ms.toFixed(2)
console.log(
  `\nCross-node latency: ${N} raw clients in one room, one writer at a time (round-robin), ` +
    `${ROUNDS} edits per run, ${GAP_MS} ms apart; each run ${REPEAT} times, medians.`,
)
console.log(`node ${process.version}, ${os.cpus().length} cores, ${os.cpus()[0]?.model ?? ''}\n`)
console.log('| setup | receiver | samples | p50 ms | p95 ms | p99 ms | p95 of each run |')
console.log('| --- | --- | ---: | ---: | ---: | ---: | --- |')
for (const row of rows) {
  console.log(
    `| ${row.name} | ${row.kind} | ${row.samples} | ${fmt(row.p50)} | ${fmt(row.p95)} | ${fmt(row.p99)} | ${row.p95s.map(fmt).join(', ')} |`,
  )
}
const two = (kind) => rows.find((r) => r.name === SETUPS[2].name && r.kind === kind)
const onePg = rows.find((r) => r.name === SETUPS[1].name)
console.log(
  `\nAdded by the Redis hop at p95: ${fmt(two('other server').p95 - two('same server').p95)} ms ` +
    `(other server − same server, two servers); ` +
    `${fmt(two('other server').p95 - onePg.p95)} ms (other server − one server with PostgreSQL).`,
)
