// Durability side by side: each server with its persistence on is killed with SIGKILL during a
// burst of edits from one client, then started again on the same data; a fresh client counts
// which edits the reloaded document holds.
// Usage: npm run build && node bench/durability.mjs [--burst 500] [--kill-after 200] [--repeat 3]
//
// "Acknowledged" is what a writer can know was taken: an edit another client of the room has
// received, so the server relayed it (none of these servers sends the writer a receipt per
// update over the y-websocket protocol; Hocuspocus's own provider counts unsynced changes, but
// its server says "synced" once the update is applied, not stored). "Sent" is every edit the
// writer wrote to its socket. The server is killed once the other client has received
// `--kill-after` edits, while the rest of the burst is on its way.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { ALL_BACKENDS, connect, connectHocuspocus, connectRawTo } from './backends.mjs'
import { editKey, editsOf, writeEdit } from './edits.mjs'
import { startServerProcess } from './serverProcess.mjs'

const { values } = parseArgs({
  options: {
    burst: { type: 'string', default: '500' },
    'kill-after': { type: 'string', default: '200' },
    repeat: { type: 'string', default: '3' },
  },
})
process.setMaxListeners(0)
const BURST = Number(values.burst)
const KILL_AFTER = Number(values['kill-after'])
const REPEAT = Number(values.repeat)

/** The servers that keep documents on disk; the floor and the memory-only stock keep nothing. */
const DURABLE = ALL_BACKENDS.filter((backend) =>
  ['ours', 'stock+ldb', 'hocuspocus'].includes(backend.short),
)

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms))

async function killedMidBurst(backend) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pk-durability-'))
  try {
    const server = await startServerProcess(backend.args, backend.name, backend.env, dataDir)
    const room = await backend.createRoom(server.port)
    const writer = connectRawTo(backend, server.port, room)
    const observer = connectRawTo(backend, server.port, room)
    await Promise.all([writer.synced, observer.synced])
    await sleep(200)

    let seen = 0
    let killed
    const exited = new Promise((resolve) => server.child.once('exit', resolve))
    const reachedKillPoint = new Promise((resolve) => (killed = resolve))
    observer.onUpdate = (from) => {
      if (from !== writer.doc.clientID) return
      seen++
      if (seen === KILL_AFTER) {
        server.child.kill('SIGKILL')
        killed(seen)
      }
    }
    let sent = 0
    for (let i = 0; i < BURST; i++) {
      writeEdit(writer.doc, `b${i}`, `burst ${i}: ${'x'.repeat(80)}`)
      sent++
    }
    await Promise.race([reachedKillPoint, sleep(10_000)])
    if (seen < KILL_AFTER) server.child.kill('SIGKILL')
    await exited
    const acknowledged = seen
    writer.destroy()
    observer.destroy()

    // The same data, a new process; a stock client of the server's own kind reads it back.
    const again = await startServerProcess(backend.args, backend.name, backend.env, dataDir)
    const reader = backend.hocuspocus
      ? connectHocuspocus(again.port, room)
      : connect(again.port, backend.wsPath, room)
    await Promise.race([reader.synced, sleep(10_000)])
    await sleep(300)
    const edits = editsOf(reader.doc)
    const present = (i) => edits.has(editKey(`b${i}`))
    let keptOfAcknowledged = 0
    for (let i = 0; i < acknowledged; i++) if (present(i)) keptOfAcknowledged++
    let keptOfSent = 0
    for (let i = 0; i < sent; i++) if (present(i)) keptOfSent++
    reader.provider.destroy()
    again.child.kill('SIGTERM')
    await new Promise((resolve) => again.child.once('exit', resolve))
    return { sent, acknowledged, keptOfAcknowledged, keptOfSent }
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true })
  }
}

const rows = []
for (let run = 0; run < REPEAT; run++) {
  for (const backend of DURABLE) {
    rows.push({ backend, ...(await killedMidBurst(backend)) })
    console.error(`done: ${backend.short} run ${run + 1}`)
  }
}

console.log(
  `\nDurability: SIGKILL once another client has received ${KILL_AFTER} of a burst of ${BURST} edits from one client; restarted on the same data\n`,
)
console.log(`node ${process.version}, ${os.cpus().length} cores, ${os.cpus()[0]?.model ?? ''}\n`)
console.log(
  '| server | run | sent | acknowledged (relayed before the kill) | kept of acknowledged | lost of acknowledged | kept of sent |',
)
console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: |')
const runOf = new Map()
for (const row of rows) {
  const run = (runOf.get(row.backend) ?? 0) + 1
  runOf.set(row.backend, run)
  console.log(
    `| ${row.backend.name} | ${run} | ${row.sent} | ${row.acknowledged} | ${row.keptOfAcknowledged} | ${row.acknowledged - row.keptOfAcknowledged} | ${row.keptOfSent} |`,
  )
}
// Stock providers keep timers and sockets that outlive destroy() in Node; the figures are printed.
process.exit(0)
