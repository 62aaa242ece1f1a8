// Edit-to-arrival latency and server memory, our server next to the stock Yjs backend.
// Usage: npm run bench  (builds first), or: node bench/latency.mjs [--rounds 200] [--sizes 2,20,60]
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import WebSocket from 'ws'
import { ourServerArgs, ROOT, startServerProcess } from './serverProcess.mjs'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'

const { values } = parseArgs({
  options: {
    rounds: { type: 'string', default: '200' },
    sizes: { type: 'string', default: '2,20,60' },
    gap: { type: 'string', default: '5' },
  },
})
// Every stock provider in Node adds a process 'exit' listener; 60 of them are expected here.
process.setMaxListeners(0)
const ROUNDS = Number(values.rounds)
const SIZES = values.sizes.split(',').map(Number)
const GAP_MS = Number(values.gap)

const BACKENDS = [
  {
    name: 'ours (SQLite log)',
    wsPath: '/ws',
    async createRoom(port) {
      const response = await fetch(`http://127.0.0.1:${port}/api/maps`, { method: 'POST' })
      return (await response.json()).roomId
    },
    args: ourServerArgs,
  },
  {
    name: 'stock @y/websocket-server 0.1.1 (memory only)',
    wsPath: '',
    async createRoom() {
      return `bench${Math.random().toString(36).slice(2)}`
    },
    args: () => [path.join(ROOT, 'bench/stockServer.mjs')],
  },
]

function startServer(backend) {
  return startServerProcess(backend.args, backend.name)
}

/** Peak resident memory of a process, from the kernel's own high-water mark. */
function peakRssMiB(pid) {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8')
  const kb = Number(/VmHWM:\s+(\d+) kB/.exec(status)[1])
  return kb / 1024
}

function connect(port, wsPath, room) {
  const doc = new Y.Doc()
  const provider = new WebsocketProvider(`ws://127.0.0.1:${port}${wsPath}`, room, doc, {
    WebSocketPolyfill: WebSocket,
    disableBc: true,
  })
  const synced = new Promise((resolve) => {
    if (provider.synced) resolve()
    provider.on('sync', (isSynced) => isSynced && resolve())
  })
  return { doc, provider, synced }
}

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms))

async function measure(backend, n) {
  const server = await startServer(backend)
  const room = await backend.createRoom(server.port)
  const clients = Array.from({ length: n }, () => connect(server.port, backend.wsPath, room))
  await Promise.all(clients.map((c) => c.synced))

  const samples = []
  let pending = null
  clients.forEach((client, index) => {
    client.doc.getMap('notes').observe((event) => {
      if (!pending || event.transaction.local) return
      const key = `e${pending.round}`
      if (!event.keysChanged.has(key)) return
      samples.push(performance.now() - pending.sentAt)
      pending.waiting.delete(index)
      if (pending.waiting.size === 0) pending.done()
    })
  })

  // Warm-up rounds are not counted: the first updates pay for JIT and socket buffers.
  const warmup = 20
  for (let round = 0; round < ROUNDS + warmup; round++) {
    const senderIndex = round % n
    const waiting = new Set(clients.map((_, i) => i).filter((i) => i !== senderIndex))
    const before = samples.length
    await new Promise((resolve) => {
      pending = { round, waiting, done: resolve, sentAt: performance.now() }
      clients[senderIndex].doc.getMap('notes').set(`e${round}`, {
        text: `note ${round} from client ${senderIndex}: ${'x'.repeat(80)}`,
      })
    })
    if (round < warmup) samples.length = before
    pending = null
    await sleep(GAP_MS)
  }

  const peak = peakRssMiB(server.child.pid)
  for (const client of clients) client.provider.destroy()
  server.child.kill('SIGTERM')
  await new Promise((resolve) => server.child.once('exit', resolve))
  fs.rmSync(server.dataDir, { recursive: true, force: true })
  samples.sort((a, b) => a - b)
  return {
    samples: samples.length,
    p50: percentile(samples, 50),
    p95: percentile(samples, 95),
    p99: percentile(samples, 99),
    peak,
  }
}

const rows = []
for (const n of SIZES) {
  for (const backend of BACKENDS) {
    const result = await measure(backend, n)
    rows.push({ backend: backend.name, n, ...result })
  }
}

const fmt = (ms) => ms.toFixed(2)
console.log(
  `\nEdit-to-arrival latency, ${ROUNDS} edits per row (after 20 warm-up), ${GAP_MS} ms apart`,
)
console.log(`node ${process.version}, ${os.cpus().length} cores, ${os.cpus()[0]?.model ?? ''}\n`)
console.log('| server | N | samples | p50 ms | p95 ms | p99 ms | server peak RSS MiB |')
console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: |')
for (const row of rows) {
  console.log(
    `| ${row.backend} | ${row.n} | ${row.samples} | ${fmt(row.p50)} | ${fmt(row.p95)} | ${fmt(row.p99)} | ${row.peak.toFixed(1)} |`,
  )
}
for (const n of SIZES) {
  const [ours, stock] = BACKENDS.map((b) => rows.find((r) => r.n === n && r.backend === b.name))
  console.log(`N=${n}: p95 ratio ours/stock = ${(ours.p95 / stock.p95).toFixed(2)}`)
}

// Stock providers keep timers and sockets that outlive destroy() in Node; the figures are printed.
process.exit(0)
