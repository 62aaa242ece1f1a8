import path from 'node:path'
import { isDeepStrictEqual } from 'node:util'
import { afterEach, describe, expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import { openDatabase } from '../server/database'
import { useInProcessServers } from './helpers/inProcess'
import { seededRandom, testSeed } from './helpers/seed'
import {
  killHard,
  startServerProcess,
  stopServerProcess,
  tempDataDir,
  type ServerProcess,
} from './helpers/serverProcess'
import {
  connectStockClient,
  createMap,
  waitFor,
  whenSynced,
  type StockClient,
} from './helpers/stockClient'

vi.setConfig({ testTimeout: 60_000 })

const { serverOn, client } = useInProcessServers()
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** The document as stored in the database file: every row of its log, applied in order. */
function storedDoc(dataDir: string, room: string): Y.Doc {
  const db = openDatabase(path.join(dataDir, 'partnerschapskaart.db'))
  const doc = new Y.Doc()
  const rows = db.prepare('SELECT data FROM updates WHERE room = ? ORDER BY seq').all(room)
  for (const row of rows as Array<{ data: Buffer }>) Y.applyUpdate(doc, row.data)
  db.close()
  return doc
}

/** Counters in the map's `activity` root: the schema takes a number under a person's key. */
const edits = (doc: Y.Doc) => doc.getMap<number>('activity')
const editKey = (client: number, n: number) => `client${client}-edit${n}|waarden|edits`

describe('durability', () => {
  const running: ServerProcess[] = []
  const clients: StockClient[] = []
  afterEach(async () => {
    while (clients.length > 0) clients.pop()!.destroy()
    while (running.length > 0) await stopServerProcess(running.pop()!)
  })

  it('loses nothing of 20 clients editing when the server is killed mid-stream and mid-compaction', async () => {
    const dataDir = tempDataDir()
    // Compacting after every 10 updates, so the kill very likely lands in or near a compaction.
    const args = ['--compact-after-updates', '10']
    const first = await startServerProcess(dataDir, 0, args)
    running.push(first)
    const { roomId } = await createMap(first.port)
    for (let i = 0; i < 20; i++) clients.push(connectStockClient(first.port, roomId))
    await Promise.all(clients.map((c) => whenSynced(c)))

    // Every client keeps editing at its own pace, through the crash and the restart.
    const random = seededRandom(testSeed('durability: 20 clients through a kill'))
    const made: string[][] = clients.map(() => [])
    let writing = true
    const writers = clients.map(async (c, i) => {
      for (let n = 0; writing; n++) {
        const key = editKey(i, n)
        edits(c.doc).set(key, n)
        made[i]!.push(key)
        // Now and then a client deletes one of its earlier edits: deletes must survive too.
        if (n % 15 === 14) edits(c.doc).delete(editKey(i, n - 10))
        // The pace of a person, each their own: the point is edits in flight at the kill.
        await sleep(20 + random.next() * 40)
      }
    })
    const madeSoFar = () => Math.min(...made.map((keys) => keys.length))
    await waitFor(() => madeSoFar() >= 30, 'every client editing')
    await killHard(first)
    running.pop()
    // They go on editing while the server is away, and know it is away.
    await waitFor(() => clients.every((c) => !c.provider.wsconnected), 'every client cut off')
    const second = await startServerProcess(dataDir, first.port, args)
    running.push(second)
    await waitFor(() => clients.every((c) => c.provider.synced), 'every client back', 20_000)
    const atReturn = madeSoFar()
    await waitFor(() => madeSoFar() >= atReturn + 20, 'every client editing after the restart')
    writing = false
    await Promise.all(writers)

    await waitFor(
      () => clients.every((c) => c.provider.synced),
      'every client back in sync',
      20_000,
    )
    const expected = clients[0]!
    await waitFor(
      () => clients.every((c) => edits(c.doc).size === edits(expected.doc).size),
      'every client converged',
      20_000,
    )
    const deleted = new Set<string>()
    for (const [i, keys] of made.entries()) {
      for (const [n] of keys.entries()) {
        if (n % 15 === 14) deleted.add(editKey(i, n - 10))
      }
    }
    const survivors = made.flat().filter((key) => !deleted.has(key))
    expect(survivors.length).toBeGreaterThan(20 * 30)

    // What is on disk is what every client has, and it holds every edit each client made. A
    // newcomer sees what the server applied, which it applies only once stored.
    const newcomer = connectStockClient(second.port, roomId)
    await whenSynced(newcomer)
    await waitFor(
      () => edits(newcomer.doc).size === edits(expected.doc).size,
      'the server holds it all',
    )
    newcomer.destroy()
    await killHard(second)
    running.pop()
    const stored = storedDoc(dataDir, roomId)
    const storedEdits = edits(stored).toJSON()
    expect(Object.keys(storedEdits).sort()).toEqual([...survivors].sort())
    for (const c of clients) expect(edits(c.doc).toJSON()).toEqual(storedEdits)
  })

  it('merges ten minutes of offline editing on two clients', async () => {
    const server = await serverOn(tempDataDir())
    const { roomId } = await createMap(server.port)
    const ayse = client(server.port, roomId)
    const lukasz = client(server.port, roomId)
    await Promise.all([whenSynced(ayse), whenSynced(lukasz)])
    const notes = (doc: Y.Doc) => doc.getMap<Y.Map<unknown>>('notes')
    ayse.doc.transact(() => {
      for (let i = 0; i < 20; i++) {
        const note = new Y.Map<unknown>()
        note.set('text', `gedeeld ${i}`)
        notes(ayse.doc).set(`shared-note-${i}`, note)
      }
    })
    await waitFor(() => notes(lukasz.doc).size === 20, 'shared notes arrive')

    // Both go offline; ten minutes at one edit a second each: new notes, edits of the shared
    // notes (both change the same ones), and deletes.
    ayse.provider.disconnect()
    lukasz.provider.disconnect()
    for (const [who, c] of [
      ['ayse', ayse],
      ['lukasz', lukasz],
    ] as const) {
      for (let second = 0; second < 600; second++) {
        c.doc.transact(() => {
          if (second % 3 === 0) {
            const note = new Y.Map<unknown>()
            note.set('text', `${who} ${second}`)
            notes(c.doc).set(`${who}-note-${second}`, note)
          } else if (second % 3 === 1) {
            notes(c.doc)
              .get(`shared-note-${second % 20}`)
              ?.set('text', `${who} edit ${second}`)
          } else if (second % 30 === 2) {
            notes(c.doc).delete(`${who}-note-${second - 2}`)
          }
        })
      }
    }
    ayse.provider.connect()
    lukasz.provider.connect()
    await Promise.all([whenSynced(ayse), whenSynced(lukasz)])
    await waitFor(
      () => isDeepStrictEqual(notes(ayse.doc).toJSON(), notes(lukasz.doc).toJSON()),
      'both converge',
    )
    const merged = notes(ayse.doc)
    // 20 shared notes + 200 new from each, minus 20 deleted by each.
    expect(merged.size).toBe(20 + 2 * (200 - 20))
    expect(merged.has('ayse-note-597') && merged.has('lukasz-note-597')).toBe(true)
    expect(merged.has('ayse-note-0') || merged.has('lukasz-note-0')).toBe(false)
    const fresh = client(server.port, roomId)
    await whenSynced(fresh)
    expect(notes(fresh.doc).toJSON()).toEqual(merged.toJSON())
  })
})
