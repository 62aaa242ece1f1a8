// Capacity: how many rooms of 30 one server process holds while edits still arrive within 50 ms
// at p95, and its memory per room. Rooms are added in steps and stay; in each room one stock
// client writes an edit every 2 s, one stock client observes, and 28 raw websockets do the
// y-websocket handshake and then receive everything, as quiet participants do.
// Usage: npm run build && node bench/capacity.mjs [--steps 50,100,150,200,250] [--seconds 20]
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import * as encoding from 'lib0/encoding'
import WebSocket from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { AccessStore } from '../dist/server/access.js'
import { SqliteStorage } from '../dist/server/sqliteStorage.js'
import { metricsText, ourServerArgs, startServerProcess } from './serverProcess.mjs'
import { editKey, editsOf, editText, writeEdit } from './edits.mjs'

const { values } = parseArgs({
  options: {
    steps: { type: 'string', default: '50,100,150,200,250' },
    seconds: { type: 'string', default: '20' },
    'room-size': { type: 'string', default: '30' },
  },
})
process.setMaxListeners(0)
const STEPS = values.steps.split(',').map(Number)
const WINDOW_MS = Number(values.seconds) * 1000
const ROOM_SIZE = Number(values['room-size'])
const EDIT_EVERY_MS = 2000

// The maps are registered in the database before the server starts: the API allows 30 new maps a
// minute from one address, which is right for people and too slow for this.
const roomIds = []
const server = await startServerProcess(async (dataDir) => {
  const storage = SqliteStorage.open(path.join(dataDir, 'partnerschapskaart.db'))
  const access = new AccessStore(storage)
  for (let i = 0; i < Math.max(...STEPS); i++) roomIds.push((await access.create()).roomId)
  await storage.close()
  return ourServerArgs(dataDir)
}, 'our server')
const base = `http://127.0.0.1:${server.port}`
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms))

async function rssMiB() {
  const text = await metricsText(base)
  return Number(/^process_resident_memory_bytes (\d+)$/m.exec(text)[1]) / 1048576
}

function stockClient(roomId) {
  const doc = new Y.Doc()
  const provider = new WebsocketProvider(`ws://127.0.0.1:${server.port}/ws`, roomId, doc, {
    WebSocketPolyfill: WebSocket,
    disableBc: true,
  })
  return { doc, provider }
}

/** The first message a y-websocket client sends: sync step 1 with an empty state vector. */
const HELLO = (() => {
  const e = encoding.createEncoder()
  encoding.writeVarUint(e, 0)
  encoding.writeVarUint(e, 0)
  encoding.writeVarUint8Array(e, Y.encodeStateVector(new Y.Doc()))
  return encoding.toUint8Array(e)
})()

function listener(roomId) {
  const ws = new WebSocket(`ws://127.0.0.1:${server.port}/ws/${roomId}`, ['pk.v1'])
  ws.on('open', () => ws.send(HELLO))
  ws.on('error', () => {})
  return ws
}

const samples = []
const rooms = []
async function addRooms(count) {
  const added = []
  for (let i = 0; i < count; i++) {
    const roomId = roomIds[rooms.length]
    const writer = stockClient(roomId)
    const observer = stockClient(roomId)
    const listeners = Array.from({ length: ROOM_SIZE - 2 }, () => listener(roomId))
    editsOf(observer.doc).observe((event) => {
      if (event.transaction.local) return
      const sent = Number(editText(editsOf(observer.doc).get(editKey('last')))?.split(' ')[1])
      if (sent) samples.push({ at: Date.now(), ms: Date.now() - sent })
    })
    const room = { writer, observer, listeners, n: 0 }
    rooms.push(room)
    added.push(room)
    // Room by room, as people arrive: a burst of thousands of handshakes at once is not a session.
    if (i % 10 === 9) await sleep(100)
  }
  await Promise.all(
    added.map(
      (room) =>
        new Promise((resolve) => {
          const check = () =>
            room.writer.provider.synced && room.observer.provider.synced
              ? resolve()
              : setTimeout(check, 50)
          check()
        }),
    ),
  )
  for (const room of added) {
    setTimeout(
      () =>
        setInterval(() => {
          room.n++
          writeEdit(room.writer.doc, 'last', `${room.n} ${Date.now()}`)
        }, EDIT_EVERY_MS),
      Math.random() * EDIT_EVERY_MS,
    )
  }
}

const percentile = (list, p) => {
  const sorted = [...list].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]
}

const baseline = await rssMiB()
const results = []
for (const target of STEPS) {
  await addRooms(target - rooms.length)
  await sleep(3000)
  const from = Date.now()
  await sleep(WINDOW_MS)
  const window = samples.filter((s) => s.at >= from).map((s) => s.ms)
  const rss = await rssMiB()
  const open = rooms.reduce(
    (sum, room) => sum + room.listeners.filter((ws) => ws.readyState === WebSocket.OPEN).length + 2,
    0,
  )
  results.push({
    rooms: rooms.length,
    sockets: open,
    edits: window.length,
    p50: percentile(window, 50),
    p95: percentile(window, 95),
    rss,
    perRoom: (rss - baseline) / rooms.length,
  })
  console.error(
    `step ${rooms.length} rooms: p95 ${percentile(window, 95)} ms, rss ${rss.toFixed(0)} MiB`,
  )
  if (percentile(window, 95) > 50) break
}

console.log(
  `\nCapacity: rooms of ${ROOM_SIZE} (1 writer, 1 observer, ${ROOM_SIZE - 2} raw listeners), one edit per room every ${EDIT_EVERY_MS / 1000} s, ${WINDOW_MS / 1000} s measured per step; ${os.cpus().length} cores`,
)
console.log(`server RSS before any room: ${baseline.toFixed(1)} MiB\n`)
console.log(
  '| rooms | open sockets | edits observed | p50 ms | p95 ms | server RSS MiB | MiB per room |',
)
console.log('| ---: | ---: | ---: | ---: | ---: | ---: | ---: |')
for (const r of results) {
  console.log(
    `| ${r.rooms} | ${r.sockets} | ${r.edits} | ${r.p50} | ${r.p95} | ${r.rss.toFixed(1)} | ${r.perRoom.toFixed(2)} |`,
  )
}
server.child.kill('SIGTERM')
process.exit(0)
