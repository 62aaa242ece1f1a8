// Soak: one big room of 60 and ten rooms of 20 stock clients editing for minutes against our
// built server on loopback. Reports updates lost, final convergence, p95 edit-to-arrival latency
// per window, and the server's memory over time.
// Usage: npm run build && node bench/soak.mjs [--minutes 10] [--rate 2] [--small-rate 0.5]
import { parseArgs } from 'node:util'
import WebSocket from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { metricsText, ourServerArgs, startServerProcess } from './serverProcess.mjs'
import { editKey, editsOf, editText, writeEdit } from './edits.mjs'

const { values } = parseArgs({
  options: {
    minutes: { type: 'string', default: '10' },
    // Edits per second of each client in the big room, and in the small rooms.
    rate: { type: 'string', default: '2' },
    'small-rate': { type: 'string', default: '0.5' },
    window: { type: 'string', default: '60' },
  },
})
process.setMaxListeners(0)
const DURATION_MS = Number(values.minutes) * 60_000
const WINDOW_MS = Number(values.window) * 1000
const ROOMS = [
  { clients: 60, rate: Number(values.rate) },
  ...Array.from({ length: 10 }, () => ({ clients: 20, rate: Number(values['small-rate']) })),
]

const server = await startServerProcess(ourServerArgs, 'our server')
const base = `http://127.0.0.1:${server.port}`

async function metrics() {
  const text = await metricsText(base)
  const read = (name) => Number(new RegExp(`^${name} (\\d+)$`, 'm').exec(text)[1])
  return { rss: read('process_resident_memory_bytes'), heap: read('nodejs_heap_used_bytes') }
}

/**
 * One client. It writes `{ n, t }` under its own key, so documents stay small however long the
 * soak runs; every receiver checks that each sender's n arrive one by one (a gap is a lost
 * update) and records how long each took.
 */
function startClient(roomId, index, samples) {
  const doc = new Y.Doc()
  const provider = new WebsocketProvider(`ws://127.0.0.1:${server.port}/ws`, roomId, doc, {
    WebSocketPolyfill: WebSocket,
    disableBc: true,
  })
  const edits = editsOf(doc)
  const lastSeen = new Map()
  const client = { doc, provider, sent: 0, lost: 0, key: `c${index}` }
  edits.observe((event) => {
    if (event.transaction.local) return
    const now = Date.now()
    for (const key of event.keysChanged) {
      const value = readSoak(edits.get(key))
      if (!value) continue
      const previous = lastSeen.get(key) ?? 0
      if (value.n > previous + 1) client.lost += value.n - previous - 1
      lastSeen.set(key, value.n)
      samples.add(now, now - value.t)
    }
  })
  return client
}

/** A soak edit as written: how many the client sent, and when. */
function readSoak(value) {
  const [n, t] = (editText(value) ?? '').split(' ').map(Number)
  return Number.isFinite(n) && Number.isFinite(t) ? { n, t } : null
}

/**
 * Latencies by window, as plain numbers: millions of small objects would make the benchmark's
 * own garbage collector the thing it measures.
 */
const samples = {
  started: Date.now(),
  windows: [],
  count: 0,
  add(at, ms) {
    const index = Math.floor((at - this.started) / WINDOW_MS)
    ;(this.windows[index] ??= []).push(ms)
    this.count++
  },
}
const rooms = []
for (const spec of ROOMS) {
  const response = await fetch(`${base}/api/maps`, { method: 'POST' })
  const { roomId } = await response.json()
  const clients = Array.from({ length: spec.clients }, (_, i) => startClient(roomId, i, samples))
  rooms.push({ roomId, spec, clients })
}
const everyone = rooms.flatMap((room) => room.clients)
await new Promise((resolve) => {
  const check = setInterval(() => {
    if (everyone.every((c) => c.provider.synced)) {
      clearInterval(check)
      resolve()
    }
  }, 50)
})

const started = Date.now()
samples.started = started
samples.windows = []
samples.count = 0
const memory = [{ at: 0, ...(await metrics()) }]
const timers = []
for (const room of rooms) {
  for (const client of room.clients) {
    const interval = 1000 / room.spec.rate
    // Spread the clients over the interval, so edits do not arrive in lockstep.
    const start = setTimeout(() => {
      const tick = () => {
        client.sent++
        writeEdit(client.doc, client.key, `${client.sent} ${Date.now()}`)
      }
      tick()
      timers.push(setInterval(tick, interval))
    }, Math.random() * interval)
    timers.push(start)
  }
}
const memoryTimer = setInterval(async () => {
  memory.push({ at: Date.now() - started, ...(await metrics()) })
}, 10_000)

await new Promise((resolve) => setTimeout(resolve, DURATION_MS))
for (const timer of timers) clearInterval(timer)
clearInterval(memoryTimer)

// Let the last edits arrive, then check every room converged on every client's last edit.
const settle = Date.now()
let converged = false
while (Date.now() - settle < 30_000) {
  converged = rooms.every((room) =>
    room.clients.every((c) =>
      room.clients.every(
        (other) => readSoak(editsOf(c.doc).get(editKey(other.key)))?.n === other.sent,
      ),
    ),
  )
  if (converged) break
  await new Promise((resolve) => setTimeout(resolve, 200))
}
memory.push({ at: Date.now() - started, ...(await metrics()) })

const percentile = (values, p) => {
  if (values.length === 0) return NaN
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]
}
const sent = everyone.reduce((sum, c) => sum + c.sent, 0)
const lost = everyone.reduce((sum, c) => sum + c.lost, 0)
console.log(
  `\nSoak: ${ROOMS.length} rooms, ${everyone.length} clients, ${values.minutes} min; ` +
    `big room ${ROOMS[0].rate}/s per client, small rooms ${ROOMS[1].rate}/s per client`,
)
console.log(`edits sent: ${sent}; deliveries measured: ${samples.count}`)
console.log(`updates lost (gaps seen by receivers): ${lost}`)
console.log(`converged (every client has every client's last edit): ${converged ? 'yes' : 'NO'}`)
console.log('\n| minute | deliveries | p50 ms | p95 ms | p99 ms |')
console.log('| ---: | ---: | ---: | ---: | ---: |')
for (let from = 0; from < DURATION_MS; from += WINDOW_MS) {
  const inWindow = samples.windows[from / WINDOW_MS] ?? []
  console.log(
    `| ${(from / 60_000).toFixed(1)}–${((from + WINDOW_MS) / 60_000).toFixed(1)} | ${inWindow.length} | ${percentile(inWindow, 50)} | ${percentile(inWindow, 95)} | ${percentile(inWindow, 99)} |`,
  )
}
console.log('\n| at s | server RSS MiB | heap used MiB |')
console.log('| ---: | ---: | ---: |')
for (const m of memory) {
  console.log(
    `| ${Math.round(m.at / 1000)} | ${(m.rss / 1048576).toFixed(1)} | ${(m.heap / 1048576).toFixed(1)} |`,
  )
}

for (const c of everyone) c.provider.destroy()
server.child.kill('SIGTERM')
process.exit(lost === 0 && converged ? 0 : 1)
