// Edit-to-arrival latency, server CPU per update and memory: our server next to the stock Yjs
// backend (with its LevelDB persistence off and on), in one run with the same clients.
// Usage: npm run bench  (builds first), or after a build:
//   node bench/latency.mjs [--sizes 2,20,60,200] [--rounds 200] [--modes one,all] [--burst 500]
//     [--receivers raw|yjs] [--parts latency,presence,cpu]
//     [--against <dist/server/index.js>] [--only ours,against]
// `--against` adds another build of our server (build against build, same run); `--only` keeps
// the servers named (ours, against, stock, stock+ldb).
// Latency clients are raw websockets by default: each writes Yjs updates made by its own Y.Doc and
// time-stamps an update the moment its message reaches the socket, before any decoding, so the
// figures are the servers' and not the benchmark's own clients decoding the same update N times.
// All servers then run at once, each with its own clients, and take the rounds in turn.
// `--receivers yjs` uses stock y-websocket providers instead, which apply every update first,
// one server after the other.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { ALL_BACKENDS, connect, connectHocuspocus, connectRawTo } from './backends.mjs'
import { startServerProcess } from './serverProcess.mjs'
import { editKey, editsOf, writeEdit } from './edits.mjs'

const { values } = parseArgs({
  options: {
    rounds: { type: 'string', default: '200' },
    sizes: { type: 'string', default: '2,20,60,200' },
    modes: { type: 'string', default: 'one,all' },
    gap: { type: 'string', default: '5' },
    burst: { type: 'string', default: '500' },
    'burst-clients': { type: 'string', default: '60' },
    repeat: { type: 'string', default: '1' },
    receivers: { type: 'string', default: 'raw' },
    parts: { type: 'string', default: 'latency,presence,cpu' },
    against: { type: 'string' },
    only: { type: 'string' },
  },
})
// Every stock provider in Node adds a process 'exit' listener; hundreds of them are expected.
process.setMaxListeners(0)
const ROUNDS = Number(values.rounds)
const SIZES = values.sizes.split(',').map(Number)
const MODES = values.modes.split(',')
const GAP_MS = Number(values.gap)
const BURST = Number(values.burst)
const BURST_CLIENTS = Number(values['burst-clients'])
/** Each row this many times, the servers taking turns; the table shows the medians. */
const REPEAT = Number(values.repeat)
const RAW = values.receivers === 'raw'
/** Which measurements to take: latency, presence, cpu (all by default). */
const PARTS = new Set(values.parts.split(','))
/** With every client writing, a round has N × (N − 1) deliveries; this many in all is plenty. */
const ALL_WRITERS_DELIVERIES = 40_000

if (values.against) {
  const entry = path.resolve(values.against)
  ALL_BACKENDS.splice(1, 0, {
    ...ALL_BACKENDS[0],
    name: `ours, build ${values.against}`,
    short: 'against',
    args: (dataDir) => [entry, ...ALL_BACKENDS[0].args(dataDir).slice(1)],
  })
}
const only = values.only ? new Set(values.only.split(',')) : null
const BACKENDS = ALL_BACKENDS.filter((backend) => !only || only.has(backend.short))

/** Peak resident memory of a process, from the kernel's own high-water mark. */
function peakRssMiB(pid) {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8')
  return Number(/VmHWM:\s+(\d+) kB/.exec(status)[1]) / 1024
}

/** Nanoseconds a process has spent on a CPU so far (first field of its schedstat). */
function cpuNs(pid) {
  return Number(fs.readFileSync(`/proc/${pid}/schedstat`, 'utf8').split(' ')[0])
}

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms))

async function withRoom(backend, n, work, raw = false) {
  const server = await startServerProcess(backend.args, backend.name, backend.env)
  const room = await backend.createRoom(server.port)
  const clients = Array.from({ length: n }, () =>
    raw
      ? connectRawTo(backend, server.port, room)
      : backend.hocuspocus
        ? connectHocuspocus(server.port, room)
        : connect(server.port, backend.wsPath, room),
  )
  await Promise.all(clients.map((c) => c.synced))
  try {
    return { ...(await work(clients, server)), peak: peakRssMiB(server.child.pid) }
  } finally {
    for (const client of clients) (client.destroy ?? (() => client.provider.destroy()))()
    server.child.kill('SIGTERM')
    await new Promise((resolve) => server.child.once('exit', resolve))
    fs.rmSync(server.dataDir, { recursive: true, force: true })
  }
}

/**
 * Rounds of edits; in each, the writers (one client round-robin, or all of them) set a key at
 * once, and every other client's arrival of each key is one sample. 10 warm-up rounds.
 */
async function latency(backend, n, mode) {
  const rounds =
    mode === 'one'
      ? ROUNDS
      : Math.min(ROUNDS, Math.max(10, Math.ceil(ALL_WRITERS_DELIVERIES / (n * (n - 1)))))
  return withRoom(
    backend,
    n,
    async (clients) => {
      const samples = []
      let pending = null
      const arrived = (key, now) => {
        const sentAt = pending?.sentAt.get(key)
        if (sentAt === undefined) return
        samples.push(now - sentAt)
        if (--pending.left === 0) pending.done()
      }
      for (const client of clients) {
        if (RAW) {
          client.onUpdate = (writer, now) => arrived(writer, now)
          continue
        }
        editsOf(client.doc).observe((event) => {
          if (!pending || event.transaction.local) return
          const now = performance.now()
          for (const key of event.keysChanged) arrived(key, now)
        })
      }
      const warmup = 10
      for (let round = 0; round < rounds + warmup; round++) {
        const writers = mode === 'one' ? [clients[round % n]] : clients
        const before = samples.length
        await new Promise((resolve) => {
          pending = { sentAt: new Map(), left: writers.length * (n - 1), done: resolve }
          writers.forEach((writer, w) => {
            const key = `r${round}w${w}`
            // A raw client's arrivals are known by who wrote them; a provider's by the key.
            pending.sentAt.set(RAW ? writer.doc.clientID : editKey(key), performance.now())
            writeEdit(writer.doc, key, `note ${key}: ${'x'.repeat(80)}`)
          })
        })
        if (round < warmup) samples.length = before
        pending = null
        await sleep(GAP_MS)
      }
      samples.sort((a, b) => a - b)
      return {
        samples: samples.length,
        p50: percentile(samples, 50),
        p95: percentile(samples, 95),
        p99: percentile(samples, 99),
      }
    },
    RAW,
  )
}

/**
 * The same rounds with every server running at once, each with its own N raw clients: round r
 * goes to server r mod 3, so a slow moment of the shared machine falls on all of them alike
 * instead of on whichever server happened to run then.
 */
async function latencyInterleaved(n, mode) {
  const rounds =
    mode === 'one'
      ? ROUNDS
      : Math.min(ROUNDS, Math.max(10, Math.ceil(ALL_WRITERS_DELIVERIES / (n * (n - 1)))))
  const setups = []
  for (const backend of BACKENDS) {
    const server = await startServerProcess(backend.args, backend.name, backend.env)
    const room = await backend.createRoom(server.port)
    const clients = Array.from({ length: n }, () => connectRawTo(backend, server.port, room))
    setups.push({ backend, server, clients, samples: [] })
  }
  try {
    await Promise.all(setups.flatMap((setup) => setup.clients.map((client) => client.synced)))
    let pending = null
    for (const setup of setups) {
      for (const client of setup.clients) {
        client.onUpdate = (writer, now) => {
          const sentAt = pending?.sentAt.get(writer)
          if (sentAt === undefined) return
          pending.samples.push(now - sentAt)
          if (--pending.left === 0) pending.done()
        }
      }
    }
    const warmup = 10
    for (let turn = 0; turn < (rounds + warmup) * setups.length; turn++) {
      const setup = setups[turn % setups.length]
      const round = Math.floor(turn / setups.length)
      const writers = mode === 'one' ? [setup.clients[round % n]] : setup.clients
      const before = setup.samples.length
      await new Promise((resolve) => {
        pending = {
          sentAt: new Map(),
          left: writers.length * (n - 1),
          done: resolve,
          samples: setup.samples,
        }
        writers.forEach((writer, w) => {
          pending.sentAt.set(writer.doc.clientID, performance.now())
          writeEdit(writer.doc, `r${round}w${w}`, `note: ${'x'.repeat(80)}`)
        })
      })
      if (round < warmup) setup.samples.length = before
      pending = null
      await sleep(GAP_MS)
    }
    return setups.map(({ backend, server, samples }) => {
      samples.sort((a, b) => a - b)
      return {
        backend,
        samples: samples.length,
        p50: percentile(samples, 50),
        p95: percentile(samples, 95),
        p99: percentile(samples, 99),
        peak: peakRssMiB(server.child.pid),
      }
    })
  } finally {
    for (const { clients, server } of setups) {
      for (const client of clients) client.destroy()
      server.child.kill('SIGTERM')
      await new Promise((resolve) => server.child.once('exit', resolve))
      fs.rmSync(server.dataDir, { recursive: true, force: true })
    }
  }
}

/**
 * Server CPU per update per connected client: one client sends a burst of edits back to back;
 * the server's CPU time from the first send until every client has every edit, divided by
 * edits × clients.
 */
async function cpuPerUpdate(backend, n) {
  return withRoom(backend, n, async (clients, server) => {
    let arrived = 0
    const expected = BURST * (n - 1)
    let done
    const finished = new Promise((resolve) => (done = resolve))
    for (const client of clients.slice(1)) {
      editsOf(client.doc).observe((event) => {
        arrived += event.keysChanged.size
        if (arrived === expected) done()
      })
    }
    await sleep(200)
    const before = cpuNs(server.child.pid)
    const started = performance.now()
    for (let i = 0; i < BURST; i++) {
      writeEdit(clients[0].doc, `b${i}`, `burst ${i}: ${'x'.repeat(80)}`)
    }
    await finished
    const elapsed = performance.now() - started
    const cpu = cpuNs(server.child.pid) - before
    return {
      usPerUpdateClient: cpu / 1000 / (BURST * n),
      updatesPerSecond: BURST / (elapsed / 1000),
    }
  })
}

/**
 * Presence traffic: every client moves a "cursor" ten times a second (more than the app ever
 * sends) for five seconds. Reports the server's CPU share and the presence messages one client
 * receives per second.
 */
async function presenceCost(backend, n) {
  return withRoom(backend, n, async (clients, server) => {
    let received = 0
    clients[0].provider.awareness.on('update', () => received++)
    await sleep(500)
    received = 0
    const before = cpuNs(server.child.pid)
    const started = performance.now()
    const timers = clients.map((client, i) =>
      setInterval(
        () => client.provider.awareness.setLocalStateField('cursor', { x: i, y: Math.random() }),
        100,
      ),
    )
    await sleep(5000)
    for (const timer of timers) clearInterval(timer)
    const seconds = (performance.now() - started) / 1000
    const cpu = (cpuNs(server.child.pid) - before) / 1e9
    return { cpuShare: cpu / seconds, messagesPerSecond: received / seconds }
  })
}

const runs = []
for (const n of PARTS.has('latency') ? SIZES : []) {
  for (const mode of MODES) {
    for (let run = 0; run < REPEAT; run++) {
      if (RAW) {
        for (const result of await latencyInterleaved(n, mode)) runs.push({ n, mode, ...result })
        console.error(`done: N=${n} ${mode} run ${run + 1}`)
        continue
      }
      for (const backend of BACKENDS.filter((b) => !b.floor)) {
        runs.push({ backend, n, mode, ...(await latency(backend, n, mode)) })
        console.error(`done: ${backend.short} N=${n} ${mode} run ${run + 1}`)
      }
    }
  }
}
const middle = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)]
const rows = []
for (const run of runs) {
  if (rows.some((r) => r.n === run.n && r.mode === run.mode && r.backend === run.backend)) continue
  const same = runs.filter((r) => r.n === run.n && r.mode === run.mode && r.backend === run.backend)
  rows.push({
    backend: run.backend,
    n: run.n,
    mode: run.mode,
    samples: same.reduce((sum, r) => sum + r.samples, 0),
    p50: middle(same.map((r) => r.p50)),
    p95: middle(same.map((r) => r.p95)),
    p99: middle(same.map((r) => r.p99)),
    p95s: same.map((r) => r.p95),
    peak: Math.max(...same.map((r) => r.peak)),
  })
}
const presenceRows = []
for (const backend of PARTS.has('presence') ? BACKENDS.slice(0, 2) : []) {
  presenceRows.push({ backend, ...(await presenceCost(backend, BURST_CLIENTS)) })
}
const cpuRuns = []
for (let run = 0; run < (PARTS.has('cpu') ? REPEAT : 0); run++) {
  for (const backend of BACKENDS.filter((b) => !b.floor)) {
    cpuRuns.push({ backend, ...(await cpuPerUpdate(backend, BURST_CLIENTS)) })
  }
}
const cpuRows = BACKENDS.filter((b) => !b.floor).map((backend) => {
  const same = cpuRuns.filter((r) => r.backend === backend)
  return {
    backend,
    usPerUpdateClient: middle(same.map((r) => r.usPerUpdateClient)),
    each: same.map((r) => r.usPerUpdateClient),
    updatesPerSecond: middle(same.map((r) => r.updatesPerSecond)),
    peak: Math.max(...same.map((r) => r.peak)),
  }
})

const fmt = (ms) => ms.toFixed(2)
console.log(`\nEdit-to-arrival latency; one writer: ${ROUNDS} edits per row, ${GAP_MS} ms apart;`)
console.log(`all writers: every client writes once per round; 10 warm-up rounds not counted.`)
console.log(
  RAW
    ? 'Arrival: the update reaches the receiving socket (raw clients, time-stamped before decoding);\nall servers run at once and take the rounds in turn.'
    : 'Arrival: a stock y-websocket provider has applied the update (observer on the map).',
)
console.log(`node ${process.version}, ${os.cpus().length} cores, ${os.cpus()[0]?.model ?? ''}\n`)
if (REPEAT > 1) {
  console.log(`Each row ${REPEAT} times, servers taking turns; p50, p95 and p99 are medians.\n`)
}
console.log(
  '| server | N | writers | samples | p50 ms | p95 ms | p99 ms | p95 ours/this | server peak RSS MiB |',
)
console.log('| --- | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: |')
for (const row of rows) {
  const ours = rows.find((r) => r.n === row.n && r.mode === row.mode && r.backend.short === 'ours')
  console.log(
    `| ${row.backend.name} | ${row.n} | ${row.mode} | ${row.samples} | ${fmt(row.p50)} | ${fmt(row.p95)} | ${fmt(row.p99)} | ${row.backend.short === 'ours' ? '' : (ours.p95 / row.p95).toFixed(2)} | ${row.peak.toFixed(1)} |`,
  )
}
if (REPEAT > 1) {
  console.log('\np95 of each run, in ms:\n')
  for (const row of rows) {
    console.log(
      `- ${row.backend.short}, N = ${row.n}, ${row.mode}: ${row.p95s.map(fmt).join(', ')}`,
    )
  }
}
if (cpuRows.length > 0 && cpuRuns.length > 0) {
  console.log(
    `\nServer CPU per update per connected client: ${BURST} edits sent back to back by one of ${BURST_CLIENTS} clients\n`,
  )
  console.log(
    '| server | µs per update per client | updates/s through the room | server peak RSS MiB |',
  )
  console.log('| --- | ---: | ---: | ---: |')
  for (const row of cpuRows) {
    console.log(
      `| ${row.backend.name} | ${row.usPerUpdateClient.toFixed(2)}${REPEAT > 1 ? ` (${row.each.map((us) => us.toFixed(1)).join(', ')})` : ''} | ${Math.round(row.updatesPerSecond)} | ${row.peak.toFixed(1)} |`,
    )
  }
}

if (presenceRows.length > 0) {
  console.log(
    `\nPresence: ${BURST_CLIENTS} clients each change their presence 10 times a second for 5 s\n`,
  )
  console.log(
    '| server | server CPU (share of one core) | presence messages per client per s | server peak RSS MiB |',
  )
  console.log('| --- | ---: | ---: | ---: |')
  for (const row of presenceRows) {
    console.log(
      `| ${row.backend.name} | ${(row.cpuShare * 100).toFixed(0)}% | ${row.messagesPerSecond.toFixed(0)} | ${row.peak.toFixed(1)} |`,
    )
  }
}

// Stock providers keep timers and sockets that outlive destroy() in Node; the figures are printed.
process.exit(0)
