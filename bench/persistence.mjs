// Persistence: how many updates per second the server accepts with its durable update log, and
// how fast it starts with 1,000 stored maps (it must not load them all).
// Usage: npm run build && node bench/persistence.mjs [--burst 5000] [--maps 1000]
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import WebSocket from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { AccessStore } from '../dist/server/access.js'
import { SqliteStorage } from '../dist/server/sqliteStorage.js'
import { metricsText, ourServerArgs, startServerProcess } from './serverProcess.mjs'
import { editsOf, writeEdit } from './edits.mjs'

const { values } = parseArgs({
  options: {
    burst: { type: 'string', default: '5000' },
    maps: { type: 'string', default: '1000' },
    rooms: { type: 'string', default: '10' },
  },
})
process.setMaxListeners(0)
const BURST = Number(values.burst)
const MAPS = Number(values.maps)
const PARALLEL_ROOMS = Number(values.rooms)

function connect(port, roomId) {
  const doc = new Y.Doc()
  const provider = new WebsocketProvider(`ws://127.0.0.1:${port}/ws`, roomId, doc, {
    WebSocketPolyfill: WebSocket,
    disableBc: true,
  })
  const synced = new Promise((resolve) => provider.on('sync', (s) => s && resolve()))
  return { doc, provider, synced }
}

/** Writers send `BURST` edits back to back; the rate is edits over the time until observers have them. */
async function acceptedPerSecond(port, roomCount) {
  const rooms = []
  for (let i = 0; i < roomCount; i++) {
    const { roomId } = await (
      await fetch(`http://127.0.0.1:${port}/api/maps`, { method: 'POST' })
    ).json()
    const writer = connect(port, roomId)
    const observer = connect(port, roomId)
    await Promise.all([writer.synced, observer.synced])
    rooms.push({ writer, observer })
  }
  const perRoom = Math.ceil(BURST / roomCount)
  const arrived = rooms.map(
    ({ observer }) =>
      new Promise((resolve) => {
        let count = 0
        editsOf(observer.doc).observe((event) => {
          count += event.keysChanged.size
          if (count === perRoom) resolve()
        })
      }),
  )
  const started = performance.now()
  for (let i = 0; i < perRoom; i++) {
    for (const { writer } of rooms) {
      writeEdit(writer.doc, `n${i}`, `note ${i}: ${'x'.repeat(80)}`)
    }
  }
  await Promise.all(arrived)
  const seconds = (performance.now() - started) / 1000
  for (const { writer, observer } of rooms) {
    writer.provider.destroy()
    observer.provider.destroy()
  }
  return (perRoom * roomCount) / seconds
}

// One client sending thousands of edits back to back is what the per-connection rate limit is
// for; it is raised here so the log's own speed is what gets measured.
const server = await startServerProcess(
  (dataDir) => [...ourServerArgs(dataDir), '--max-messages-per-second', '1000000'],
  'our server',
)
const oneRoom = await acceptedPerSecond(server.port, 1)
const manyRooms = await acceptedPerSecond(server.port, PARALLEL_ROOMS)
server.child.kill('SIGTERM')
await new Promise((resolve) => server.child.once('exit', resolve))

// 1,000 maps of 20 notes each, written straight into a database with the server's own storage.
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pk-bench-cold-'))
const store = SqliteStorage.open(path.join(dataDir, 'partnerschapskaart.db'))
const access = new AccessStore(store)
let sample = null
for (let m = 0; m < MAPS; m++) {
  {
    const { roomId } = await access.create()
    const doc = new Y.Doc()
    doc.transact(() => {
      doc.getMap('meta').set('title', `Kaart ${m}`)
      for (let n = 0; n < 20; n++) {
        const note = new Y.Map()
        note.set('text', `Notitie ${n} van kaart ${m}: ${'afspraak '.repeat(8)}`)
        doc.getMap('notes').set(`note-${m}-${n}-000000`, note)
      }
    })
    await store.append(roomId, [Y.encodeStateAsUpdate(doc)])
    sample ??= roomId
  }
}
await store.close()
const dbBytes = fs.statSync(path.join(dataDir, 'partnerschapskaart.db')).size

const started = performance.now()
// Spawned here rather than with startServerProcess: that makes a fresh data folder, and the
// time from spawn to listening is what is measured.
const child = spawn(process.execPath, ourServerArgs(dataDir), {
  stdio: ['ignore', 'pipe', 'inherit'],
})
const port = await new Promise((resolve) => {
  let out = ''
  child.stdout.on('data', (chunk) => {
    out += chunk
    const match = /running at http:\/\/[^:]+:(\d+)\//.exec(out)
    if (match) resolve(Number(match[1]))
  })
})
const listening = performance.now() - started
const metrics = await metricsText(`http://127.0.0.1:${port}`)
const inMemory = Number(/^pk_rooms_in_memory (\d+)$/m.exec(metrics)[1])
const rss = Number(/^process_resident_memory_bytes (\d+)$/m.exec(metrics)[1]) / 1048576
const firstOpen = performance.now()
const reader = connect(port, sample)
await reader.synced
const opened = performance.now() - firstOpen
const notes = reader.doc.getMap('notes').size
reader.provider.destroy()
child.kill('SIGTERM')
fs.rmSync(dataDir, { recursive: true, force: true })

console.log(`\nPersistence (durable SQLite update log, WAL); ${os.cpus().length} cores\n`)
console.log('| what | figure |')
console.log('| --- | ---: |')
console.log(
  `| updates accepted per second, one room, ${BURST} back to back | ${Math.round(oneRoom)} |`,
)
console.log(
  `| updates accepted per second, ${PARALLEL_ROOMS} rooms at once, ${BURST} in all | ${Math.round(manyRooms)} |`,
)
console.log(
  `| cold start with ${MAPS} stored maps (${(dbBytes / 1048576).toFixed(1)} MiB database): spawn to listening | ${listening.toFixed(0)} ms |`,
)
console.log(`| maps in memory after start | ${inMemory} |`)
console.log(`| server RSS after start | ${rss.toFixed(1)} MiB |`)
console.log(`| first map opened and synced (${notes} notes) | ${opened.toFixed(0)} ms |`)
process.exit(0)
