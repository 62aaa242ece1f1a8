import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { openDatabase } from '../server/database'
import { closeOf, refusalOf, useInProcessServers } from './helpers/inProcess'
import { tempDataDir } from './helpers/serverProcess'
import { awarenessFrame } from './helpers/forgedUpdates'
import { TEST_AUTHOR } from './helpers/mapShapes'
import { createMap, waitFor, whenSynced, type StockClient } from './helpers/stockClient'

const { serverOn, client, rawSocket } = useInProcessServers()

function addNote(c: StockClient, id: string, text: string): void {
  c.doc.transact(() => {
    const note = new Y.Map<unknown>()
    note.set('text', text)
    c.doc.getMap('notes').set(id, note)
  })
}

function noteCount(c: StockClient): number {
  return c.doc.getMap('notes').size
}

describe('limits', () => {
  it('refuses a note over the length limit with 4413, stores nothing of it, and does not retry', async () => {
    const server = await serverOn(tempDataDir(), { maxNoteChars: 1000 })
    const { roomId } = await createMap(server.port)
    const writer = client(server.port, roomId)
    const other = client(server.port, roomId)
    await Promise.all([whenSynced(writer), whenSynced(other)])
    addNote(writer, 'note-ok-0001', 'x'.repeat(1000))
    await waitFor(() => noteCount(other) === 1, 'the note within the limit arrives')

    const refused = refusalOf(writer)
    addNote(writer, 'note-long-001', 'y'.repeat(1001))
    expect(await refused).toEqual({ code: 4413, reason: 'text-too-long' })
    // The stock client gives up on a 44xx close instead of reconnecting in a loop: waited out
    // on purpose, longer than its first retry would take.
    await new Promise((resolve) => setTimeout(resolve, 600))
    expect(writer.provider.shouldConnect).toBe(false)
    expect(writer.provider.wsconnected || writer.provider.wsconnecting).toBe(false)

    const fresh = client(server.port, roomId)
    await whenSynced(fresh)
    expect([...fresh.doc.getMap('notes').keys()]).toEqual(['note-ok-0001'])
    expect(noteCount(other)).toBe(1)
  })

  it('refuses notes past the per-map maximum, counting only new notes', async () => {
    const server = await serverOn(tempDataDir(), { maxNotes: 5 })
    const { roomId } = await createMap(server.port)
    const writer = client(server.port, roomId)
    await whenSynced(writer)
    for (let i = 0; i < 5; i++) addNote(writer, `note-${i}-00000`, `note ${i}`)
    // Changing a note that exists is not a new note.
    writer.doc.transact(() => {
      ;(writer.doc.getMap('notes').get('note-0-00000') as Y.Map<unknown>).set('text', 'changed')
    })
    const refused = refusalOf(writer)
    addNote(writer, 'note-5-00000', 'one too many')
    expect(await refused).toEqual({ code: 4413, reason: 'too-many-notes' })
    const fresh = client(server.port, roomId)
    await whenSynced(fresh)
    expect(noteCount(fresh)).toBe(5)
    expect((fresh.doc.getMap('notes').get('note-0-00000') as Y.Map<unknown>).get('text')).toBe(
      'changed',
    )
  })

  it('refuses a map that grows past its size limit, after trying to compact it', async () => {
    const server = await serverOn(tempDataDir(), { maxMapBytes: 40_000 })
    const { roomId } = await createMap(server.port)
    const writer = client(server.port, roomId)
    await whenSynced(writer)
    const refused = refusalOf(writer)
    for (let i = 0; i < 60 && writer.provider.shouldConnect; i++) {
      addNote(writer, `note-${String(i).padStart(8, '0')}`, 'z'.repeat(900))
      // One update per note, so the map grows past its limit a note at a time.
      await new Promise((resolve) => setTimeout(resolve, 5))
    }
    expect(await refused).toEqual({ code: 4413, reason: 'map-too-big' })
    const fresh = client(server.port, roomId)
    await whenSynced(fresh)
    const kept = noteCount(fresh)
    expect(kept).toBeGreaterThan(30)
    expect(kept).toBeLessThan(45)
  })

  it('holds the documents in memory it may, and frees idle ones before refusing', async () => {
    const server = await serverOn(tempDataDir(), { maxRooms: 2, idleRoomMs: 60_000 })
    const maps = await Promise.all([1, 2, 3].map(() => createMap(server.port)))
    const first = client(server.port, maps[0]!.roomId)
    const second = client(server.port, maps[1]!.roomId)
    await Promise.all([whenSynced(first), whenSynced(second)])
    const third = client(server.port, maps[2]!.roomId)
    expect(await refusalOf(third)).toEqual({ code: 4429, reason: 'server-full' })
    // Once the first map is empty (though not yet unloaded), the third may take its place.
    first.destroy()
    await waitFor(() => server.rooms.get(maps[0]!.roomId)?.peerCount === 0, 'first map empty')
    const retry = client(server.port, maps[2]!.roomId)
    await whenSynced(retry)
    expect(server.rooms.size).toBe(2)
  })

  it('closes a connection that floods messages with 4429; sixty from one address are fine', async () => {
    const server = await serverOn(tempDataDir(), { maxMessagesPerSecond: 100 })
    const { roomId } = await createMap(server.port)
    // Sixty people behind one address, each adding notes as fast as people do and faster.
    const room = Array.from({ length: 60 }, () => client(server.port, roomId))
    await Promise.all(room.map((c) => whenSynced(c)))
    for (let round = 0; round < 5; round++) {
      room.forEach((c, i) => addNote(c, `n-${i}-${round}-00000`, `note ${i}.${round}`))
      // The pace of a room of people, which the rate limit must let through.
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
    await waitFor(() => room.every((c) => noteCount(c) === 300), 'all 300 notes everywhere', 20_000)
    expect(room.every((c) => c.provider.wsconnected)).toBe(true)

    const flood = await rawSocket(server.port, roomId)
    const closed = closeOf(flood)
    const query = new Uint8Array([3]) // "query awareness": valid, cheap, and answered every time
    for (let i = 0; i < 3000; i++) flood.send(query)
    expect(await closed).toEqual({ code: 4429, reason: 'too-many-messages' })
    expect(room.every((c) => c.provider.wsconnected)).toBe(true)
  })
})

describe('presence', () => {
  it('keeps presence to its owner: no one changes or removes another person’s presence', async () => {
    const server = await serverOn(tempDataDir())
    const { roomId } = await createMap(server.port)
    const ayse = client(server.port, roomId)
    const watcher = client(server.port, roomId)
    await Promise.all([whenSynced(ayse), whenSynced(watcher)])
    ayse.provider.awareness.setLocalStateField('participant', { ...TEST_AUTHOR, name: 'Ayşe' })
    const ayseId = ayse.doc.clientID
    await waitFor(
      () => watcher.provider.awareness.getStates().get(ayseId)?.participant !== undefined,
      'Ayşe is present',
    )

    const impostor = await rawSocket(server.port, roomId)
    const clock = ayse.provider.awareness.meta.get(ayseId)!.clock
    impostor.send(
      awarenessFrame([
        {
          clientId: ayseId,
          clock: clock + 1,
          state: { participant: { ...TEST_AUTHOR, name: 'Impostor' } },
        },
      ]),
    )
    impostor.send(awarenessFrame([{ clientId: ayseId, clock: clock + 2, state: null }]))
    impostor.send(awarenessFrame([{ clientId: 77, clock: 1, state: { drafts: 1 } }]))
    await waitFor(() => watcher.provider.awareness.getStates().has(77), 'own presence arrives')
    expect(watcher.provider.awareness.getStates().get(ayseId)).toEqual({
      participant: { ...TEST_AUTHOR, name: 'Ayşe' },
    })
  })

  it('refuses presence that is too big (4413) or not an object (4400)', async () => {
    const server = await serverOn(tempDataDir(), { maxPresenceBytes: 4096 })
    const { roomId } = await createMap(server.port)
    const big = await rawSocket(server.port, roomId)
    const bigClosed = closeOf(big)
    big.send(awarenessFrame([{ clientId: 5, clock: 1, state: { name: 'x'.repeat(5000) } }]))
    expect(await bigClosed).toEqual({ code: 4413, reason: 'presence-too-big' })
    const odd = await rawSocket(server.port, roomId)
    const oddClosed = closeOf(odd)
    odd.send(awarenessFrame([{ clientId: 6, clock: 1, state: [1, 2, 3] }]))
    expect((await oddClosed).code).toBe(4400)
  })
})

describe('storage failure', () => {
  it('refuses edits it cannot store with 4507, keeps what it accepted, and takes the rest later', async () => {
    const dataDir = tempDataDir()
    const small = await serverOn(dataDir, { maxDbBytes: 160 * 1024 })
    const { roomId } = await createMap(small.port)
    const writer = client(small.port, roomId)
    await whenSynced(writer)
    const closes: number[] = []
    writer.provider.on('connection-close', (event) => {
      if (event) closes.push(event.code)
    })
    // Fill the database until it refuses; every note the server acknowledged by relaying it to
    // a watcher is on disk.
    const watcher = client(small.port, roomId)
    await whenSynced(watcher)
    let written = 0
    while (!closes.includes(4507) && written < 400) {
      addNote(writer, `note-${String(written).padStart(8, '0')}`, 'w'.repeat(900))
      written++
      // One update per note, as they are written.
      await new Promise((resolve) => setTimeout(resolve, 2))
    }
    expect(closes).toContain(4507)
    // A load balancer, and the host, can tell.
    const health = await fetch(`${small.url}health`)
    expect(health.status).toBe(503)
    expect(await health.json()).toMatchObject({ status: 'storage-full' })
    // Relays under way arrive; how many got through is what is measured, so there is no count
    // to wait for.
    await new Promise((resolve) => setTimeout(resolve, 200))
    const relayed = noteCount(watcher)
    expect(relayed).toBeGreaterThan(10)
    expect(relayed).toBeLessThan(written)
    // Nothing reached another person that is not on disk: read the log straight from the file.
    const db = openDatabase(path.join(dataDir, 'partnerschapskaart.db'))
    const stored = new Y.Doc()
    const rows = db.prepare('SELECT data FROM updates WHERE room = ? ORDER BY seq').all(roomId)
    for (const row of rows as Array<{ data: Buffer }>) Y.applyUpdate(stored, row.data)
    db.close()
    const onDisk = new Set(stored.getMap('notes').keys())
    expect([...watcher.doc.getMap('notes').keys()].filter((id) => !onDisk.has(id))).toEqual([])
    await small.close()

    // With room on the disk again, the writer (which kept trying) gets every note in.
    const roomy = await serverOn(dataDir, { port: small.port })
    await waitFor(() => writer.provider.synced, 'writer back in sync', 15_000)
    const check = client(roomy.port, roomId)
    await whenSynced(check)
    await waitFor(() => noteCount(check) === written, 'every note stored in the end', 15_000)
  })
})

describe('deleting a map', () => {
  it('removes it from memory and every file, and tells everyone connected', async () => {
    const dataDir = tempDataDir()
    const server = await serverOn(dataDir)
    const { roomId, facilitatorKey } = await createMap(server.port)
    const kept = await createMap(server.port)
    const marker = 'Vertrouwelijk-Holendrecht-7f3a9c'
    const writer = client(server.port, roomId)
    const control = client(server.port, roomId, { doc: 'control', facilitatorKey })
    const other = client(server.port, kept.roomId)
    await Promise.all([whenSynced(writer), whenSynced(control), whenSynced(other)])
    for (let i = 0; i < 20; i++) addNote(writer, `note-${i}-000000`, `${marker} ${i}`)
    addNote(other, 'other-note-001', 'stays')
    const fresh = client(server.port, roomId)
    await whenSynced(fresh)
    await waitFor(() => noteCount(fresh) === 20, 'all notes stored')

    const url = `http://127.0.0.1:${server.port}/api/maps/${roomId}`
    const wrongKey = await fetch(url, { method: 'DELETE', headers: { 'X-Facilitator-Key': 'x' } })
    expect(wrongKey.status).toBe(403)
    const told = [refusalOf(writer), refusalOf(control), refusalOf(fresh)]
    const response = await fetch(url, {
      method: 'DELETE',
      headers: { 'X-Facilitator-Key': facilitatorKey },
    })
    expect(response.status).toBe(200)
    for (const refusal of await Promise.all(told)) {
      expect(refusal).toEqual({ code: 4410, reason: 'map-deleted' })
    }
    expect(server.rooms.get(roomId)).toBeUndefined()

    const again = client(server.port, roomId)
    expect((await refusalOf(again)).code).toBe(4404)
    // Not a byte of it left in the database or its write-ahead log.
    for (const file of fs.readdirSync(dataDir)) {
      const bytes = fs.readFileSync(path.join(dataDir, file))
      expect(bytes.includes(marker), file).toBe(false)
      expect(bytes.includes(roomId), file).toBe(false)
    }
    const db = openDatabase(path.join(dataDir, 'partnerschapskaart.db'))
    expect(
      db.prepare('SELECT COUNT(*) AS n FROM updates WHERE room LIKE ?').get(`${roomId}%`),
    ).toEqual({
      n: 0,
    })
    db.close()
    // Other maps carry on.
    const otherFresh = client(server.port, kept.roomId)
    await whenSynced(otherFresh)
    expect(noteCount(otherFresh)).toBe(1)
  })

  it('deletes maps untouched for the retention period, and only those', async () => {
    const dataDir = tempDataDir()
    const first = await serverOn(dataDir)
    const old = await createMap(first.port)
    const recent = await createMap(first.port)
    for (const map of [old, recent]) {
      const writer = client(first.port, map.roomId)
      await whenSynced(writer)
      addNote(writer, 'note-0000001', 'text')
      await waitFor(
        () => first.rooms.get(map.roomId)?.doc.getMap('notes').size === 1,
        'note on the server',
      )
    }
    await first.close()
    // Turn the clock back on one map, in the real database file.
    const db = openDatabase(path.join(dataDir, 'partnerschapskaart.db'))
    const longAgo = Date.now() - 40 * 24 * 60 * 60 * 1000
    db.prepare('UPDATE maps SET created_at = ? WHERE room = ?').run(longAgo, old.roomId)
    db.prepare('UPDATE rooms SET updated_at = ? WHERE room LIKE ?').run(longAgo, `${old.roomId}%`)
    db.close()

    const second = await serverOn(dataDir, { retentionDays: 30 })
    expect((await refusalOf(client(second.port, old.roomId))).code).toBe(4404)
    const stays = client(second.port, recent.roomId)
    await whenSynced(stays)
    expect(noteCount(stays)).toBe(1)
  })
})
