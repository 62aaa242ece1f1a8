import fs from 'node:fs'
import { inflateRawSync } from 'node:zlib'
import * as decoding from 'lib0/decoding'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { openDatabase } from '../server/database'
import { DEFLATED_SYNC_STEP2 } from '../shared/protocol'
import { readDeflatedSyncs } from '../src/sync/deflatedSync'
import { SqliteStorage } from '../server/sqliteStorage'
import { closeOf, refusalOf, useInProcessServers } from './helpers/inProcess'
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
  randomRoomId,
  waitFor,
  whenSynced,
  type StockClient,
} from './helpers/stockClient'
import { noteTexts, pushNotes, TEST_AUTHOR } from './helpers/mapShapes'

const { serverOn, client, rawSocket, defer } = useInProcessServers()

function items(c: StockClient): string[] {
  return noteTexts(c.doc)
}

async function closeCode(ws: WebSocket): Promise<number> {
  return (await closeOf(ws)).code
}

describe('server with stock y-websocket clients', () => {
  it('relays edits between two clients so both documents converge', async () => {
    const server = await serverOn(tempDataDir())
    const { roomId: room } = await createMap(server.port)
    const a = client(server.port, room)
    const b = client(server.port, room)
    await Promise.all([whenSynced(a), whenSynced(b)])

    pushNotes(a.doc, 'from a')
    pushNotes(b.doc, 'from b')
    await waitFor(() => items(a).length === 2 && items(b).length === 2, 'both edits everywhere')
    expect(items(a)).toEqual(items(b))
    expect(Y.encodeStateVector(a.doc)).toEqual(Y.encodeStateVector(b.doc))
  })

  it('gives a client that joins later everything that was said before', async () => {
    const server = await serverOn(tempDataDir())
    const { roomId: room } = await createMap(server.port)
    const a = client(server.port, room)
    await whenSynced(a)
    pushNotes(a.doc, 'one', 'two', 'three')
    const late = client(server.port, room)
    await whenSynced(late)
    await waitFor(() => items(late).length === 3, 'late client catches up')
    expect(items(late)).toEqual(['one', 'two', 'three'])
  })

  it('answers a client that reads it so with the whole map deflated, and the stock client as ever', async () => {
    const server = await serverOn(tempDataDir())
    const { roomId: room } = await createMap(server.port)
    const writer = client(server.port, room)
    await whenSynced(writer)
    const texts = Array.from({ length: 200 }, (_, i) => `Notitie ${i}: we spreken af wie wat doet.`)
    pushNotes(writer.doc, ...texts)
    const stock = client(server.port, room)
    await whenSynced(stock)
    await waitFor(() => items(stock).length === 200, 'the stock client has every note')

    /** The first answer to an empty state request on a raw socket offering `protocols`. */
    async function answerFor(protocols: string[]): Promise<Uint8Array> {
      const ws = await rawSocket(server.port, room, protocols)
      const answer = new Promise<Uint8Array>((resolve) =>
        ws.on('message', (data: Buffer) => {
          // Sync step 1 from the server is [0, 0, ...]; its answer is [0, 1, ...] or deflated.
          if (data[0] === DEFLATED_SYNC_STEP2 || (data[0] === 0 && data[1] === 1)) resolve(data)
        }),
      )
      ws.send(Uint8Array.from([0, 0, 1, 0]))
      return answer
    }
    const deflated = await answerFor(['pk.v1', 'pk.deflate'])
    const plain = await answerFor(['pk.v1'])
    expect(deflated[0]).toBe(DEFLATED_SYNC_STEP2)
    expect(plain[0]).toBe(0)
    const decoder = decoding.createDecoder(deflated)
    decoding.readVarUint(decoder)
    const update = inflateRawSync(decoding.readVarUint8Array(decoder))
    expect(deflated.length).toBeLessThan(update.length / 3)
    const fromDeflated = new Y.Doc()
    Y.applyUpdate(fromDeflated, update)
    expect(noteTexts(fromDeflated)).toEqual(texts)

    // Our client's reading of it: the provider, taught, offering it, syncs the whole map.
    const doc = new Y.Doc()
    const provider = new WebsocketProvider(`ws://127.0.0.1:${server.port}/ws`, room, doc, {
      WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
      disableBc: true,
      protocols: ['pk.v1', 'pk.deflate'],
      connect: false,
    })
    defer(() => provider.destroy())
    readDeflatedSyncs(provider)
    let deflatedAnswers = 0
    const read = provider.messageHandlers[DEFLATED_SYNC_STEP2]!
    provider.messageHandlers[DEFLATED_SYNC_STEP2] = (...args) => {
      deflatedAnswers++
      read(...args)
    }
    provider.connect()
    await whenSynced({ doc, provider, destroy: () => undefined })
    expect(deflatedAnswers).toBe(1)
    expect(noteTexts(doc)).toEqual(texts)
  })

  it('keeps rooms apart', async () => {
    const server = await serverOn(tempDataDir())
    const a = client(server.port, (await createMap(server.port)).roomId)
    const b = client(server.port, (await createMap(server.port)).roomId)
    await Promise.all([whenSynced(a), whenSynced(b)])
    pushNotes(a.doc, 'private to room a')
    // A round trip in room b proves the server had time to (wrongly) relay.
    const b2 = client(server.port, b.provider.roomname)
    await whenSynced(b2)
    pushNotes(b2.doc, 'b')
    await waitFor(() => items(b).length === 1, 'edit in room b')
    expect(items(b)).toEqual(['b'])
  })

  it('relays presence and drops it when a client leaves', async () => {
    const server = await serverOn(tempDataDir())
    const { roomId: room } = await createMap(server.port)
    const a = client(server.port, room)
    const b = client(server.port, room)
    await Promise.all([whenSynced(a), whenSynced(b)])
    a.provider.awareness.setLocalStateField('participant', { ...TEST_AUTHOR, name: 'Ayşe' })
    await waitFor(
      () => b.provider.awareness.getStates().get(a.doc.clientID)?.participant?.name === 'Ayşe',
      'presence of a at b',
    )
    a.provider.disconnect()
    await waitFor(
      () => !b.provider.awareness.getStates().has(a.doc.clientID),
      'presence of a removed at b',
    )
  })

  it('keeps every edit through a graceful restart', async () => {
    const dataDir = tempDataDir()
    const first = await serverOn(dataDir)
    const { roomId: room } = await createMap(first.port)
    const a = client(first.port, room)
    await whenSynced(a)
    pushNotes(a.doc, 'blijft bewaard', 'ë é ï ü ĳ €')
    await waitFor(() => first.rooms.size === 1, 'room open')
    // Give the update time to reach the server before it stops.
    const probe = client(first.port, room)
    await whenSynced(probe)
    await waitFor(() => items(probe).length === 2, 'server has both items')
    await first.close()

    const second = await serverOn(dataDir)
    const fresh = client(second.port, room)
    await whenSynced(fresh)
    expect(items(fresh)).toEqual(['blijft bewaard', 'ë é ï ü ĳ €'])
  })

  it('unloads a room nobody is in, and loads it from disk on the next visit', async () => {
    const server = await serverOn(tempDataDir(), { idleRoomMs: 50 })
    const { roomId: room } = await createMap(server.port)
    const a = client(server.port, room)
    await whenSynced(a)
    pushNotes(a.doc, 'bewaard na het uitladen')
    const watcher = client(server.port, room)
    await waitFor(() => items(watcher).length === 1, 'edit reached the server')
    a.destroy()
    watcher.destroy()
    await waitFor(() => server.rooms.size === 0, 'room unloaded')

    const b = client(server.port, room)
    await whenSynced(b)
    expect(items(b)).toEqual(['bewaard na het uitladen'])
    expect(server.rooms.size).toBe(1)
  })

  it('compacts a long log into one row without losing an edit', async () => {
    const dataDir = tempDataDir()
    const server = await serverOn(dataDir, { compactAfterUpdates: 20 })
    const { roomId: room } = await createMap(server.port)
    const a = client(server.port, room)
    const b = client(server.port, room)
    await Promise.all([whenSynced(a), whenSynced(b)])
    for (let i = 0; i < 75; i++) pushNotes(a.doc, `note ${i}`)
    await waitFor(() => items(b).length === 75, 'all edits relayed')
    await server.close()

    const store = new SqliteStorage(openDatabase(path.join(dataDir, 'partnerschapskaart.db')))
    expect(await store.count(room)).toBeLessThanOrEqual(20)
    const doc = new Y.Doc()
    for (const update of (await store.load(room)).updates) Y.applyUpdate(doc, update)
    await store.close()
    expect(noteTexts(doc)).toHaveLength(75)
  })
})

describe('server under bad input', () => {
  it('refuses a malformed room id before any websocket is made', async () => {
    const server = await serverOn(tempDataDir())
    for (const bad of ['short', '../../etc/passwd', 'a'.repeat(65), 'room%20with%20spaces']) {
      const ws = new WebSocket(`ws://127.0.0.1:${server.port}/ws/${bad}`)
      const status = await new Promise<number | undefined>((resolve) => {
        ws.once('unexpected-response', (_req, res) => resolve(res.statusCode))
        ws.once('open', () => resolve(undefined))
        ws.once('error', () => resolve(-1))
      })
      ws.terminate()
      expect(status === 400 || status === -1, `room id ${bad}`).toBe(true)
    }
    expect(server.rooms.size).toBe(0)
  })

  it('closes a connection that sends a malformed frame and keeps serving the others', async () => {
    const server = await serverOn(tempDataDir())
    const { roomId: room } = await createMap(server.port)
    const a = client(server.port, room)
    const b = client(server.port, room)
    await Promise.all([whenSynced(a), whenSynced(b)])

    const frames = [
      Uint8Array.from([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01]), // bad varint
      Uint8Array.from([0, 2, 0xff, 0xff, 0x03, 1, 2]), // truncated update length
      Uint8Array.from([0, 2, 5, 9, 9, 9, 9, 9]), // update bytes that are not an update
      Uint8Array.from([0, 7]), // unknown sync type
      Uint8Array.from([42]), // unknown message type
      Uint8Array.from([]), // empty frame
    ]
    for (const frame of frames) {
      const ws = await rawSocket(server.port, room)
      const closed = closeCode(ws)
      ws.send(frame)
      expect(await closed).toBe(4400)
    }
    const text = await rawSocket(server.port, room)
    const textClosed = closeCode(text)
    text.send('hello')
    expect(await textClosed).toBe(4400)

    pushNotes(a.doc, 'still alive')
    await waitFor(() => items(b).includes('still alive'), 'room still syncs')
    expect(items(b)).toEqual(['still alive'])
  })

  it('closes a connection whose frame is larger than the limit and keeps serving', async () => {
    const server = await serverOn(tempDataDir(), { maxFrameBytes: 64 * 1024 })
    const { roomId: room } = await createMap(server.port)
    const ws = await rawSocket(server.port, room)
    const closed = closeCode(ws)
    ws.send(new Uint8Array(256 * 1024))
    expect(await closed).toBe(1009)

    const a = client(server.port, room)
    const b = client(server.port, room)
    await Promise.all([whenSynced(a), whenSynced(b)])
    pushNotes(a.doc, 'after the big frame')
    await waitFor(() => items(b).length === 1, 'room still syncs')
  })
})

describe('server process', () => {
  const running: ServerProcess[] = []
  afterEach(async () => {
    while (running.length > 0) await stopServerProcess(running.pop()!)
  })

  it('keeps every accepted edit after kill -9 and a restart', async () => {
    const dataDir = tempDataDir()
    const first = await startServerProcess(dataDir)
    running.push(first)
    const { roomId: room } = await createMap(first.port)
    const writer = client(first.port, room)
    const watcher = client(first.port, room)
    await Promise.all([whenSynced(writer), whenSynced(watcher)])
    for (let i = 0; i < 50; i++) pushNotes(writer.doc, `edit ${i}`)
    // What the watcher has seen, the server accepted and relayed.
    await waitFor(() => items(watcher).length === 50, 'watcher saw every edit')
    await killHard(first)
    writer.destroy()
    watcher.destroy()

    const second = await startServerProcess(dataDir, first.port)
    running.push(second)
    const fresh = client(second.port, room)
    await whenSynced(fresh)
    expect(items(fresh)).toEqual(Array.from({ length: 50 }, (_, i) => `edit ${i}`))
    expect(fs.existsSync(path.join(dataDir, 'partnerschapskaart.db'))).toBe(true)
  })
})

describe('server logs', () => {
  it('never write a room id, key, token or note, whatever happens', async () => {
    const dataDir = tempDataDir()
    const server = await startServerProcess(dataDir, 0, ['--max-note-chars', '50'])
    let log = ''
    server.child.stdout!.on('data', (chunk: Buffer) => (log += chunk.toString()))
    server.child.stderr!.on('data', (chunk: Buffer) => (log += chunk.toString()))
    try {
      const { roomId, facilitatorKey, viewerToken } = await createMap(server.port)
      const facilitator = connectStockClient(server.port, roomId, {
        doc: 'control',
        facilitatorKey,
      })
      const writer = connectStockClient(server.port, roomId)
      const wrong = connectStockClient(server.port, roomId, { facilitatorKey: 'x'.repeat(24) })
      const viewer = connectStockClient(server.port, roomId, { viewerToken })
      defer(() => [facilitator, writer, wrong, viewer].forEach((c) => c.destroy()))
      await Promise.all([whenSynced(facilitator), whenSynced(writer), whenSynced(viewer)])
      const refused = refusalOf(writer)
      pushNotes(writer.doc, 'Geheim: mevrouw J. op nummer 12')
      pushNotes(writer.doc, 'Geheim en te lang '.repeat(10))
      await refused
      await waitFor(() => noteTexts(viewer.doc).length === 1, 'the note within the limit stored')
      await fetch(`${server.url}api/maps/${roomId}`, {
        method: 'DELETE',
        headers: { 'X-Facilitator-Key': facilitatorKey },
      })
      await waitFor(() => log.includes('map deleted'), 'the deletion logged')
      expect(log).toContain('deleted')
      for (const secret of [roomId, facilitatorKey, viewerToken, 'Geheim', 'x'.repeat(24)]) {
        expect(log).not.toContain(secret)
      }
    } finally {
      await stopServerProcess(server)
    }
  })
})

describe('access to a map', () => {
  /** Opens a raw socket and returns the close code plus every frame received before it. */
  async function refusal(url: string, protocols: string[] = []) {
    const ws = new WebSocket(url, protocols)
    defer(() => ws.terminate())
    const frames: Buffer[] = []
    ws.on('message', (data) => frames.push(data as Buffer))
    const code = await closeCode(ws)
    return { code, frames }
  }

  /** A sync update frame carrying one item, as a forging client would build it. */
  function forgedUpdate(text: string): Uint8Array {
    const doc = new Y.Doc()
    pushNotes(doc, text)
    const update = Y.encodeStateAsUpdate(doc)
    return Uint8Array.from([0, 2, ...lengthPrefix(update.length), ...update])
  }

  function lengthPrefix(length: number): number[] {
    const bytes: number[] = []
    let rest = length
    while (rest > 0x7f) {
      bytes.push((rest & 0x7f) | 0x80)
      rest >>>= 7
    }
    bytes.push(rest)
    return bytes
  }

  it('refuses a room id it never made with 4404 and sends no data', async () => {
    const server = await serverOn(tempDataDir())
    const result = await refusal(`ws://127.0.0.1:${server.port}/ws/${randomRoomId()}`)
    expect(result).toEqual({ code: 4404, frames: [] })
    expect(server.rooms.size).toBe(0)
  })

  it('refuses a wrong facilitator key with 4403 and sends no data', async () => {
    const server = await serverOn(tempDataDir())
    const { roomId } = await createMap(server.port)
    const result = await refusal(`ws://127.0.0.1:${server.port}/ws/${roomId}/control`, [
      'pk.v1',
      `pk.fk.${randomRoomId()}`,
    ])
    expect(result).toEqual({ code: 4403, frames: [] })
  })

  it('lets a viewer read the map live, but its writes never reach it, whatever it sends', async () => {
    const server = await serverOn(tempDataDir())
    const { roomId, viewerToken } = await createMap(server.port)
    const participant = client(server.port, roomId)
    const viewer = connectStockClient(server.port, roomId, { viewerToken })
    defer(() => viewer.destroy())
    await Promise.all([whenSynced(participant), whenSynced(viewer)])

    pushNotes(participant.doc, 'van een deelnemer')
    await waitFor(() => items(viewer).includes('van een deelnemer'), 'viewer sees edits live')

    // Through the stock client, and as a hand-made frame on a raw socket.
    pushNotes(viewer.doc, 'van de kijker')
    viewer.provider.awareness.setLocalStateField('participant', { ...TEST_AUTHOR, name: 'kijker' })
    const forger = new WebSocket(`ws://127.0.0.1:${server.port}/ws/v/${viewerToken}`)
    defer(() => forger.terminate())
    await new Promise((resolve) => forger.once('open', resolve))
    forger.send(forgedUpdate('vervalst door de kijker'))

    // A later edit by the participant arrives; the viewer's never do.
    pushNotes(participant.doc, 'daarna')
    const late = client(server.port, roomId)
    await whenSynced(late)
    await waitFor(() => items(late).includes('daarna'), 'late client synced')
    expect(items(late)).toEqual(['van een deelnemer', 'daarna'])
    expect(
      [...participant.provider.awareness.getStates().values()].some(
        (state) => state.participant?.name === 'kijker',
      ),
    ).toBe(false)
  })

  it('lets only the facilitator change the facilitation document', async () => {
    const server = await serverOn(tempDataDir())
    const { roomId, facilitatorKey } = await createMap(server.port)
    const facilitator = connectStockClient(server.port, roomId, { doc: 'control', facilitatorKey })
    const participant = connectStockClient(server.port, roomId, { doc: 'control' })
    defer(() => facilitator.destroy())
    defer(() => participant.destroy())
    await Promise.all([whenSynced(facilitator), whenSynced(participant)])

    facilitator.doc.getMap('facilitation').set('step', 2)
    await waitFor(
      () => participant.doc.getMap('facilitation').get('step') === 2,
      'step reaches all',
    )
    participant.doc.getMap('facilitation').set('step', 3)

    const check = connectStockClient(server.port, roomId, { doc: 'control' })
    defer(() => check.destroy())
    await whenSynced(check)
    facilitator.doc.getMap('facilitation').set('locked', true)
    await waitFor(
      () => check.doc.getMap('facilitation').get('locked') === true,
      'later change arrives',
    )
    expect(check.doc.getMap('facilitation').get('step')).toBe(2)
    // The map document itself is open to participants, and kept apart from the control document.
    const notes = client(server.port, roomId)
    await whenSynced(notes)
    expect(notes.doc.getMap('facilitation').size).toBe(0)
  })
})

describe('joining by short code', () => {
  async function call(port: number, path: string, init: RequestInit = {}) {
    const response = await fetch(`http://127.0.0.1:${port}${path}`, init)
    return { status: response.status, body: (await response.json()) as Record<string, unknown> }
  }

  it('opens a room by code only while the facilitator keeps joining open', async () => {
    const server = await serverOn(tempDataDir())
    const { roomId, facilitatorKey } = await createMap(server.port)
    const path = `/api/maps/${roomId}/join-code`

    expect((await call(server.port, path, { method: 'POST' })).status).toBe(403)
    const wrongKey = { 'X-Facilitator-Key': randomRoomId() }
    expect((await call(server.port, path, { method: 'POST', headers: wrongKey })).status).toBe(403)

    const headers = { 'X-Facilitator-Key': facilitatorKey }
    const opened = await call(server.port, path, { method: 'POST', headers })
    expect(opened.status).toBe(201)
    const code = opened.body.code as string
    expect(code).toMatch(/^[A-HJ-NP-Z2-9]{6}$/)
    expect(await call(server.port, `/api/join/${code}`)).toEqual({ status: 200, body: { roomId } })
    expect((await call(server.port, `/api/join/${code.toLowerCase()}`)).body.roomId).toBe(roomId)

    await call(server.port, path, { method: 'DELETE', headers })
    expect((await call(server.port, `/api/join/${code}`)).status).toBe(404)
  })

  it('stops answering an address that keeps guessing codes', async () => {
    const server = await serverOn(tempDataDir())
    const { roomId, facilitatorKey } = await createMap(server.port)
    const headers = { 'X-Facilitator-Key': facilitatorKey }
    const { body } = await call(server.port, `/api/maps/${roomId}/join-code`, {
      method: 'POST',
      headers,
    })
    const statuses: number[] = []
    for (let i = 0; i < 12; i++) {
      statuses.push((await call(server.port, `/api/join/ZZZZZ${i % 10}`)).status)
    }
    expect(statuses.slice(0, 10).every((status) => status === 404)).toBe(true)
    expect(statuses.slice(10)).toEqual([429, 429])
    // Even the right code is refused to that address for now.
    expect((await call(server.port, `/api/join/${body.code as string}`)).status).toBe(429)
  })
})
