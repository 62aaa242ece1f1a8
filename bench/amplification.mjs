// Read amplification: sockets that stop reading and ask for the whole map again and again. What
// /health's latency and the server's memory do meanwhile, for this build and (with --against)
// another build's server, in the same run, taking turns.
//   npm run build && node bench/amplification.mjs [--against <dist/server/index.js>]
//     [--notes 8000] [--sockets 5] [--requests 20] [--seconds 5] [--repeat 2]
import path from 'node:path'
import { parseArgs } from 'node:util'
import WebSocket from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { metricsText, ourServerArgs, ROOT, startServerProcess } from './serverProcess.mjs'

const { values } = parseArgs({
  options: {
    against: { type: 'string' },
    notes: { type: 'string', default: '8000' },
    sockets: { type: 'string', default: '5' },
    requests: { type: 'string', default: '20' },
    seconds: { type: 'string', default: '5' },
    repeat: { type: 'string', default: '2' },
  },
})
const NOTES = Number(values.notes)
const SOCKETS = Number(values.sockets)
const REQUESTS = Number(values.requests)
const SECONDS = Number(values.seconds)
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms))

/** Notes as the client writes them, 950 characters each, a thousand per update. */
function fill(doc, count) {
  const author = {
    id: 'benchauthor1',
    name: 'Ayşe',
    role: 'vrijwilliger',
    roleLabel: '',
    side: 'informal',
  }
  for (let start = 0; start < count; start += 1000) {
    doc.transact(() => {
      for (let i = start; i < Math.min(count, start + 1000); i++) {
        const note = new Y.Map()
        doc.getMap('notes').set(`bench-note-${i}`, note)
        note.set('pos', { column: 'waarden', order: `a${String(i).padStart(5, '0')}V` })
        note.set('text', `${i} ${'n'.repeat(950)}`)
        note.set('author', author)
        note.set('createdAt', Date.now())
        note.set('updatedAt', Date.now())
      }
    })
  }
}

async function metric(base, name) {
  const text = await metricsText(base)
  return Number(new RegExp(`^${name} (\\d+)$`, 'm').exec(text)?.[1] ?? NaN)
}

async function run(entry, label) {
  const args = (dataDir) => [
    entry,
    ...ourServerArgs(dataDir).slice(1),
    '--max-notes',
    String(NOTES + 10),
    '--idle-room-ms',
    '600000',
  ]
  const server = await startServerProcess(args, label)
  const base = `http://127.0.0.1:${server.port}`
  try {
    const { roomId } = await (await fetch(`${base}/api/maps`, { method: 'POST' })).json()
    const doc = new Y.Doc()
    const provider = new WebsocketProvider(`ws://127.0.0.1:${server.port}/ws`, roomId, doc, {
      WebSocketPolyfill: WebSocket,
      disableBc: true,
    })
    await new Promise((resolve) => provider.once('sync', resolve))
    fill(doc, NOTES)
    const check = new Y.Doc()
    const reader = new WebsocketProvider(`ws://127.0.0.1:${server.port}/ws`, roomId, check, {
      WebSocketPolyfill: WebSocket,
      disableBc: true,
    })
    while (check.getMap('notes').size < NOTES) await sleep(50)
    const mapBytes = Y.encodeStateAsUpdate(check).length
    reader.destroy()
    await sleep(500)
    const rssBefore = await metric(base, 'process_resident_memory_bytes')

    const sockets = await Promise.all(
      Array.from({ length: SOCKETS }, async () => {
        const ws = new WebSocket(`ws://127.0.0.1:${server.port}/ws/${roomId}`, ['pk.v1'])
        await new Promise((resolve) => ws.once('open', resolve))
        ws.on('error', () => {})
        ws._socket.pause()
        for (let i = 0; i < REQUESTS; i++) ws.send(Uint8Array.from([0, 0, 1, 0]))
        return ws
      }),
    )
    const latencies = []
    let rssPeak = rssBefore
    const until = Date.now() + SECONDS * 1000
    while (Date.now() < until) {
      const started = performance.now()
      await fetch(`${base}/health`)
      latencies.push(performance.now() - started)
      rssPeak = Math.max(rssPeak, await metric(base, 'process_resident_memory_bytes'))
      await sleep(50)
    }
    for (const ws of sockets) ws.terminate()
    provider.destroy()
    latencies.sort((a, b) => a - b)
    return {
      label,
      mapMiB: mapBytes / 2 ** 20,
      healthP50: latencies[Math.floor(latencies.length / 2)],
      healthMax: latencies.at(-1),
      samples: latencies.length,
      rssGrowth: (rssPeak - rssBefore) / 2 ** 20,
    }
  } finally {
    server.child.kill('SIGKILL')
    await new Promise((resolve) => server.child.once('exit', resolve))
  }
}

const ours = path.join(ROOT, 'dist/server/index.js')
const builds = [[ours, 'this build']]
if (values.against) builds.push([path.resolve(values.against), values.against])
const rows = []
for (let round = 0; round < Number(values.repeat); round++) {
  for (const [entry, label] of builds) rows.push(await run(entry, label))
}
console.log(
  `\n${SOCKETS} sockets that stop reading, each asking ${REQUESTS} times for the whole map; /health polled for ${SECONDS} s\n`,
)
console.log('| build | map MiB | /health p50 ms | /health max ms | polls | RSS growth MiB |')
console.log('| --- | ---: | ---: | ---: | ---: | ---: |')
for (const r of rows) {
  console.log(
    `| ${r.label} | ${r.mapMiB.toFixed(1)} | ${r.healthP50.toFixed(1)} | ${r.healthMax.toFixed(0)} | ${r.samples} | ${r.rssGrowth.toFixed(0)} |`,
  )
}
