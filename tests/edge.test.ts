import fs from 'node:fs'
import http from 'node:http'
import net from 'node:net'
import path from 'node:path'
import zlib from 'node:zlib'
import Database from 'better-sqlite3'
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import { describe, expect, it, vi } from 'vitest'
import WebSocket from 'ws'
import * as Y from 'yjs'
import { parseConfig } from '../server/config'
import { autoDatabaseLimit } from '../server/database'
import { addressKey } from '../server/request'
import { SqliteStorage } from '../server/sqliteStorage'
import { MapGoneError } from '../server/storage'
import { closeOf, refusalOf, useInProcessServers } from './helpers/inProcess'
import { awarenessFrame, forgeUpdate, syncUpdateFrame } from './helpers/forgedUpdates'
import { noteTexts, pushNotes, TEST_AUTHOR } from './helpers/mapShapes'
import {
  metricsText,
  startServerProcess,
  stopServerProcess,
  tempDataDir,
} from './helpers/serverProcess'
import { createMap, waitFor, whenSynced } from './helpers/stockClient'

const { serverOn, client, rawSocket, defer } = useInProcessServers()

vi.setConfig({ testTimeout: 90_000 })

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** Sends raw bytes on a fresh TCP connection; resolves with what came back before it closed. */
function rawHttp(port: number, request: string, localAddress?: string): Promise<string> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port, localAddress })
    let answer = ''
    socket.on('data', (chunk) => (answer += chunk.toString()))
    socket.on('error', () => resolve(answer))
    socket.on('close', () => resolve(answer))
    socket.on('connect', () => socket.write(request))
    setTimeout(() => socket.destroy(), 2000)
  })
}

/** A sync step 1 frame: "send me what I lack", from a client that has nothing. */
const STATE_REQUEST = Uint8Array.from([0, 0, 1, 0])

/** An awareness frame with `count` made-up presences, all `{}` (or all removals). */
function presenceFlood(count: number, firstId = 1_000_000, state: unknown = {}): Uint8Array {
  return awarenessFrame(
    Array.from({ length: count }, (_, i) => ({ clientId: firstId + i, clock: 1, state })),
  )
}

describe('requests no parser takes', () => {
  it('answers 400 to a NUL byte, a broken target or a broken escape, on any path, and stays up', async () => {
    const server = await startServerProcess(tempDataDir())
    defer(() => stopServerProcess(server))
    const targets = ['/%00', '//[', '/%E0%A4%A', '/m/%00', '/api/%00', '/ws/%00', '//[/ws']
    for (const target of targets) {
      const plain = await rawHttp(server.port, `GET ${target} HTTP/1.1\r\nHost: x\r\n\r\n`)
      expect(plain, target).toMatch(/^HTTP\/1\.1 400/)
      const upgrade = await rawHttp(
        server.port,
        `GET ${target} HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
          'Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n',
      )
      expect(upgrade, `upgrade ${target}`).toMatch(/^HTTP\/1\.1 400/)
    }
    expect(server.child.exitCode).toBeNull()
    expect((await fetch(`${server.url}health`)).status).toBe(200)
  })

  it('answers a method a path does not take with 405 and the methods it does', async () => {
    const server = await startServerProcess(tempDataDir())
    defer(() => stopServerProcess(server))
    const cases: Array<[string, string, string]> = [
      ['POST', '/api/time', 'GET'],
      ['DELETE', '/api/time', 'GET'],
      ['GET', '/api/maps', 'POST'],
      ['POST', '/api/join/ABC234', 'GET'],
    ]
    for (const [method, target, allow] of cases) {
      const response = await fetch(`${server.url}${target.slice(1)}`, { method })
      expect(response.status, `${method} ${target}`).toBe(405)
      expect(response.headers.get('allow')).toBe(allow)
    }
    expect((await fetch(`${server.url}api/time`)).status).toBe(200)
  })

  it('does not serve source maps unless asked to', async () => {
    const server = await startServerProcess(tempDataDir())
    defer(() => stopServerProcess(server))
    const assets = fs.readdirSync(path.resolve('dist/client/assets'))
    const map = assets.find((name) => name.endsWith('.js.map'))
    if (!map) throw new Error('the build has no source map to test with')
    expect((await fetch(`${server.url}assets/${map}`)).status).toBe(404)
    const debugging = await startServerProcess(tempDataDir(), 0, ['--serve-source-maps'])
    defer(() => stopServerProcess(debugging))
    expect((await fetch(`${debugging.url}assets/${map}`)).status).toBe(200)
  })

  it('sends the built files compressed when the browser takes it, and as they are otherwise', async () => {
    const server = await startServerProcess(tempDataDir())
    defer(() => stopServerProcess(server))
    const assets = fs.readdirSync(path.resolve('dist/client/assets'))
    // The app's own chunk: large enough that compressing it always pays.
    const script = assets.find((name) => name.startsWith('app-') && name.endsWith('.js'))!
    const plain = fs.readFileSync(path.resolve('dist/client/assets', script))
    // Node's fetch asks for gzip and Brotli and decodes them itself: the raw socket tells more.
    const get = (target: string, encoding: string | null) =>
      new Promise<{ headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
        const request = http.get(
          `${server.url}${target}`,
          { headers: encoding === null ? {} : { 'Accept-Encoding': encoding } },
          (response) => {
            const chunks: Buffer[] = []
            response.on('data', (chunk: Buffer) => chunks.push(chunk))
            response.on('end', () =>
              resolve({ headers: response.headers, body: Buffer.concat(chunks) }),
            )
          },
        )
        request.on('error', reject)
      })
    const br = await get(`assets/${script}`, 'gzip, deflate, br')
    expect(br.headers['content-encoding']).toBe('br')
    expect(br.headers.vary).toBe('Accept-Encoding')
    expect(Number(br.headers['content-length'])).toBe(br.body.length)
    expect(zlib.brotliDecompressSync(br.body).equals(plain)).toBe(true)
    expect(br.body.length).toBeLessThan(plain.length / 2)
    const gzip = await get(`assets/${script}`, 'gzip, br;q=0')
    expect(gzip.headers['content-encoding']).toBe('gzip')
    expect(zlib.gunzipSync(gzip.body).equals(plain)).toBe(true)
    const none = await get(`assets/${script}`, null)
    expect(none.headers['content-encoding']).toBeUndefined()
    expect(none.body.equals(plain)).toBe(true)
    // The app's page too; an image is sent as it is, whatever the browser takes.
    const page = await get('m/abcdefghijklmnopqrstuv', 'br')
    expect(page.headers['content-encoding']).toBe('br')
    expect(zlib.brotliDecompressSync(page.body).toString()).toContain('<!doctype html>')
  })
})

describe('metrics', () => {
  it('are not public: on the app port only with the token, and on a port of their own', async () => {
    const server = await startServerProcess(tempDataDir())
    defer(() => stopServerProcess(server))
    expect((await fetch(`${server.url}metrics`)).status).toBe(404)
    const wrong = await fetch(`${server.url}metrics`, {
      headers: { Authorization: 'Bearer not-the-token-at-all' },
    })
    expect(wrong.status).toBe(404)
    expect(await metricsText(server.url)).toContain('pk_connections')
    const separate = await serverOn(tempDataDir(), { metricsPort: await freePort() })
    expect((await fetch(`${separate.url}metrics`)).status).toBe(404)
    const text = await (await fetch(`http://127.0.0.1:${separate.metricsPort}/metrics`)).text()
    expect(text).toContain('pk_rooms_in_memory')
  })
})

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo
      probe.close(() => resolve(port))
    })
  })
}

describe('read amplification', () => {
  it('answers a socket that asks for the whole map again and again, without reading, once at a time, and drops it', async () => {
    const server = await serverOn(tempDataDir(), {
      maxNotes: 20_000,
      pingIntervalMs: 3000,
      maxWriteBytesPerHour: 64 * 2 ** 20,
    })
    const { roomId } = await createMap(server.port)
    const writer = client(server.port, roomId)
    await whenSynced(writer)
    // About 12 MB of notes, more than the kernel buffers between two sockets on loopback; one
    // megabyte at a time, so the writer's answers to the pings are never stuck behind the rest.
    const text = 'n'.repeat(950)
    const stored = () => server.rooms.get(roomId)?.doc.getMap('notes').size ?? 0
    for (let batch = 0; batch < 12; batch++) {
      pushNotes(writer.doc, ...Array.from({ length: 1000 }, (_, i) => `${batch}.${i} ${text}`))
      await waitFor(() => stored() === (batch + 1) * 1000, `batch ${batch} stored`, 30_000)
    }

    /** A raw socket that stops reading, asks for everything twenty times, and counts answers. */
    async function asker() {
      const ws = await rawSocket(server.port, roomId, ['pk.v1'])
      const tcp = (ws as unknown as { _socket: net.Socket })._socket
      const counted = { replies: 0 }
      ws.on('message', (data: Buffer) => {
        const decoder = decoding.createDecoder(new Uint8Array(data))
        if (decoding.readVarUint(decoder) === 0 && decoding.readVarUint(decoder) === 1) {
          counted.replies++
        }
      })
      tcp.pause()
      for (let i = 0; i < 20; i++) ws.send(STATE_REQUEST)
      return { ws, tcp, counted }
    }

    const reading = await asker()
    const started = Date.now()
    expect((await fetch(`${server.url}health`)).status).toBe(200)
    expect(Date.now() - started).toBeLessThan(2000)
    // Time for the server to read all 20 requests while this socket reads nothing: nothing it
    // does then can be seen from here, which is the point.
    await sleep(300)
    // It reads again: the answer under way arrives, and one for the requests that waited.
    reading.tcp.resume()
    await waitFor(() => reading.counted.replies >= 2, 'the answers arrive', 10_000)
    // Waiting out any third answer: there must be none.
    await sleep(500)
    expect(reading.counted.replies).toBe(2)

    // One that never reads again does not answer pings either, and is dropped.
    const deaf = await asker()
    expect(server.rooms.get(roomId)?.peerCount).toBe(3)
    await waitFor(
      () => server.rooms.get(roomId)?.peerCount === 2,
      'the deaf socket dropped',
      10_000,
    )
    deaf.tcp.resume()
  })
})

describe('state requests', () => {
  it('closes a connection whose waiting state request does not decode, and the process stays up', async () => {
    const server = await startServerProcess(tempDataDir(), 0, [
      '--max-notes',
      '20000',
      '--max-write-bytes-per-hour',
      String(64 * 2 ** 20),
    ])
    defer(() => stopServerProcess(server))
    const { roomId } = await createMap(server.port)
    const writer = client(server.port, roomId)
    await whenSynced(writer)
    // About 12 MB of notes, more than the kernel buffers between two sockets on loopback, so the
    // answer to a socket that does not read stays under way.
    const text = 'n'.repeat(950)
    for (let batch = 0; batch < 12; batch++) {
      pushNotes(writer.doc, ...Array.from({ length: 1000 }, (_, i) => `${batch}.${i} ${text}`))
    }
    const reader = client(server.port, roomId)
    await waitFor(() => noteTexts(reader.doc).length === 12_000, 'the notes stored', 60_000)

    // A valid request while not reading, then one whose state vector ends mid-number: the second
    // waits for the first answer to leave, and would be read only then, outside the handler of
    // its own frame.
    const ws = await rawSocket(server.port, roomId, ['pk.v1'])
    const tcp = (ws as unknown as { _socket: net.Socket })._socket
    const closed = closeOf(ws)
    tcp.pause()
    ws.send(STATE_REQUEST)
    ws.send(Uint8Array.from([0, 0, 1, 0xff]))
    // The server has both before this socket reads again (its /health answers after them).
    await waitFor(async () => (await fetch(`${server.url}health`)).ok, 'health')
    tcp.resume()
    expect(await closed).toMatchObject({
      code: 4400,
      reason: expect.stringMatching(/state vector/),
    })

    // The process still runs, and still serves the map.
    expect((await fetch(`${server.url}health`)).status).toBe(200)
    const later = client(server.port, roomId)
    await waitFor(() => noteTexts(later.doc).length === 12_000, 'a newcomer has the map', 60_000)
  })
})

describe('edits that arrive before what they build on', () => {
  it('waits for the catch-up a reconnecting client sends after its newest edits', async () => {
    const server = await serverOn(tempDataDir())
    const { roomId } = await createMap(server.port)
    const author = new Y.Doc()
    const updates: Uint8Array[] = []
    author.on('update', (update: Uint8Array) => updates.push(update))
    const [id] = pushNotes(author, 'eerst')
    author.getMap<Y.Map<unknown>>('notes').get(id!)!.set('text', 'daarna')
    const ws = await rawSocket(server.port, roomId, ['pk.v1'])
    // The newest first, then the one it builds on.
    ws.send(syncUpdateFrame(updates[1]!))
    // Read and held back before its catch-up comes; being held shows nowhere outside.
    await sleep(100)
    ws.send(syncUpdateFrame(updates[0]!))
    const reader = client(server.port, roomId)
    await whenSynced(reader)
    await waitFor(() => noteTexts(reader.doc)[0] === 'daarna', 'both edits, in order')
    expect(ws.readyState).toBe(WebSocket.OPEN)
  })
})

describe('writing as someone else', () => {
  it('keeps a person’s Yjs client id theirs: another connection cannot take the clocks of their next edits', async () => {
    const server = await serverOn(tempDataDir())
    const { roomId } = await createMap(server.port)
    const victim = client(server.port, roomId)
    await whenSynced(victim)
    victim.provider.awareness.setLocalStateField('participant', { ...TEST_AUTHOR, name: 'Ayşe' })
    pushNotes(victim.doc, 'eerste')
    await waitFor(() => server.rooms.get(roomId)?.doc.getMap('notes').size === 1, 'stored')
    // The attacker writes collected items under her id, at the clocks her next edit will use.
    const clock = Y.getState(victim.doc.store, victim.doc.clientID)
    const squat = forgeUpdate([{ client: victim.doc.clientID, clock, structs: [{ gc: 50 }] }])
    const attacker = await rawSocket(server.port, roomId, ['pk.v1'])
    attacker.send(syncUpdateFrame(squat))
    // The squat arrives before her next edit; refused as it should be, it shows nowhere.
    await sleep(200)
    pushNotes(victim.doc, 'tweede')
    const reader = client(server.port, roomId)
    await whenSynced(reader)
    await waitFor(() => noteTexts(reader.doc).length === 2, 'her second note arrives')
    expect(noteTexts(reader.doc)).toEqual(['eerste', 'tweede'])
  })
})

describe('held back and never to come', () => {
  it('keeps what waits small, as sent, and closes a connection whose updates never fit in', async () => {
    const server = await serverOn(tempDataDir())
    const { roomId } = await createMap(server.port)
    const ws = await rawSocket(server.port, roomId, ['pk.v1'])
    const closed = closeOf(ws)
    // Updates that skip ahead: each waits for what comes before it, which never does.
    for (let i = 0; i < 70; i++) {
      ws.send(syncUpdateFrame(forgeUpdate([{ client: 9_000 + i, clock: 5, structs: [{ gc: 2 }] }])))
    }
    expect(await closed).toEqual({ code: 1011, reason: 'missing earlier edits' })
    const sv = await rawSocket(server.port, roomId, ['pk.v1'])
    const svClosed = closeOf(sv)
    const encoder = encoding.createEncoder()
    encoding.writeVarUint(encoder, 0)
    encoding.writeVarUint(encoder, 0)
    encoding.writeVarUint8Array(encoder, new Uint8Array(200 * 1024))
    sv.send(encoding.toUint8Array(encoder))
    expect(await svClosed).toEqual({ code: 4413, reason: 'state-vector-too-big' })
  })
})

describe('presence', () => {
  it('lets one connection speak for a couple of presences, however many it announces', async () => {
    const server = await serverOn(tempDataDir())
    const { roomId } = await createMap(server.port)
    const huge = await rawSocket(server.port, roomId, ['pk.v1'])
    const hugeClosed = closeOf(huge)
    huge.send(presenceFlood(200_000))
    expect(await hugeClosed).toEqual({ code: 4413, reason: 'presence-too-big' })

    const flood = await rawSocket(server.port, roomId, ['pk.v1'])
    for (let i = 0; i < 10; i++) flood.send(presenceFlood(400, 2_000_000 + i * 400))
    // Taking away presences that are not there leaves nothing behind either.
    for (let i = 0; i < 20; i++) flood.send(presenceFlood(400, 3_000_000 + i * 400, null))
    // The floods are read before anyone joins; what they leave behind is what is measured.
    await sleep(300)
    const joiner = client(server.port, roomId)
    await whenSynced(joiner)
    // Waiting out presence that should not come (batched every 50 ms).
    await sleep(200)
    // Its own presence, and the two the flooding connection may speak for.
    expect(joiner.provider.awareness.getStates().size).toBeLessThanOrEqual(3)
    expect(flood.readyState).toBe(WebSocket.OPEN)
    expect(server.rooms.get(roomId)!.awareness.meta.size).toBeLessThanOrEqual(4)
  })
})

describe('limits per address', () => {
  it('counts IPv6 addresses per /64 and IPv4 addresses as they are', () => {
    expect(addressKey('2001:db8:1:2:aaaa::1')).toBe(addressKey('2001:db8:1:2:ffff:1:2:3'))
    expect(addressKey('2001:db8:1:2::1')).not.toBe(addressKey('2001:db8:1:3::1'))
    expect(addressKey('::ffff:192.0.2.1')).toBe('192.0.2.1')
    expect(addressKey('192.0.2.1')).not.toBe(addressKey('192.0.2.2'))
  })

  it('caps the maps one address makes in an hour', async () => {
    const server = await serverOn(tempDataDir(), { maxMapsPerHour: 3 })
    for (let i = 0; i < 3; i++) await createMap(server.port)
    const fourth = await fetch(`http://127.0.0.1:${server.port}/api/maps`, { method: 'POST' })
    expect(fourth.status).toBe(429)
  })

  it('caps the bytes of edits one address sends in an hour, storing nothing past it', async () => {
    const server = await serverOn(tempDataDir(), { maxWriteBytesPerHour: 60_000 })
    const { roomId } = await createMap(server.port)
    const writer = client(server.port, roomId)
    await whenSynced(writer)
    const refused = refusalOf(writer)
    for (let i = 0; i < 100 && writer.provider.shouldConnect; i++) {
      pushNotes(writer.doc, `${i} ${'q'.repeat(900)}`)
      // One update per note, sent as they are written.
      await sleep(2)
    }
    expect(await refused).toEqual({ code: 4429, reason: 'write-quota' })
    const reader = client(server.port, roomId)
    await whenSynced(reader)
    const stored = noteTexts(reader.doc).length
    expect(stored).toBeGreaterThan(40)
    expect(stored).toBeLessThan(70)
  })

  it('caps the connections of one address, half-open requests too, and serves the others', async () => {
    const server = await serverOn(tempDataDir(), { host: '0.0.0.0', maxConnectionsPerAddress: 20 })
    const sockets: net.Socket[] = []
    defer(() => sockets.forEach((socket) => socket.destroy()))
    let refused = 0
    // 50 requests from one address that never finish their headers.
    for (let i = 0; i < 50; i++) {
      const socket = net.connect({
        host: '127.0.0.1',
        port: server.port,
        localAddress: '127.0.0.2',
      })
      socket.on('error', () => {})
      socket.on('close', () => refused++)
      socket.on('connect', () => socket.write('GET /health HTTP/1.1\r\nHost: x\r\n'))
      sockets.push(socket)
    }
    await waitFor(() => refused >= 30, 'sockets over the cap closed')
    // Waiting out closes that should not come: the 20 under the cap stay open.
    await sleep(200)
    expect(refused).toBe(30)
    // Another address is served at once.
    expect((await fetch(`http://127.0.0.1:${server.port}/health`)).status).toBe(200)
    // The half-open ones are closed once their headers are late.
    await waitFor(() => refused === 50, 'half-open requests timed out', 20_000)
  })
})

describe('storage limits', () => {
  it('takes its size limit from the free disk unless told otherwise', () => {
    expect(parseConfig([], {}).maxDbBytes).toBe('auto')
    expect(parseConfig(['--max-db-bytes', '0'], {}).maxDbBytes).toBe(0)
    expect(parseConfig([], { MAX_DB_BYTES: '1048576' }).maxDbBytes).toBe(1048576)
    const dir = tempDataDir()
    const limit = autoDatabaseLimit(path.join(dir, 'partnerschapskaart.db'))
    const disk = fs.statfsSync(dir)
    expect(limit).toBeLessThanOrEqual(disk.bavail * disk.bsize)
  })
})

describe('deleting a map, storage first', () => {
  it('writes no row for a map once it is deleted, not even a compaction', async () => {
    const storage = SqliteStorage.open(path.join(tempDataDir(), 'partnerschapskaart.db'))
    defer(() => storage.close())
    const roomId = 'r'.repeat(24)
    await storage.createMap({
      roomId,
      facilitatorKeyHash: '0'.repeat(64),
      viewerTokenHash: '1'.repeat(64),
      createdAt: Date.now(),
    })
    const doc = new Y.Doc()
    pushNotes(doc, 'een')
    await storage.append(roomId, [Y.encodeStateAsUpdate(doc)])
    await storage.append(`${roomId}/control`, [Y.encodeStateAsUpdate(new Y.Doc())])
    await storage.deleteMap(roomId)
    await expect(storage.append(roomId, [Y.encodeStateAsUpdate(doc)])).rejects.toBeInstanceOf(
      MapGoneError,
    )
    await storage.compact(roomId, () => Y.encodeStateAsUpdate(doc))
    const rows = storage.db
      .prepare("SELECT COUNT(*) AS n FROM updates WHERE room LIKE 'rrrr%'")
      .get() as { n: number }
    expect(rows.n).toBe(0)
  })

  it('tells nobody and keeps the map when storage cannot delete it', async () => {
    const dataDir = tempDataDir()
    const server = await serverOn(dataDir)
    const { roomId, facilitatorKey } = await createMap(server.port)
    const ayse = client(server.port, roomId)
    await whenSynced(ayse)
    pushNotes(ayse.doc, 'Blijft staan')
    await waitFor(() => (server.rooms.get(roomId)?.doc.getMap('notes').size ?? 0) === 1, 'stored')
    const closes: number[] = []
    ayse.provider.on('connection-close', (event) => closes.push(event?.code ?? 0))

    // Another process holds the database's write lock: the deletion cannot happen now.
    const holder = new Database(path.join(dataDir, 'partnerschapskaart.db'))
    holder.exec('BEGIN IMMEDIATE')
    const answer = await fetch(`http://127.0.0.1:${server.port}/api/maps/${roomId}`, {
      method: 'DELETE',
      headers: { 'X-Facilitator-Key': facilitatorKey },
    })
    holder.exec('ROLLBACK')
    holder.close()
    expect(answer.status).toBe(503)
    expect(closes).not.toContain(4410)
    const later = client(server.port, roomId)
    await whenSynced(later)
    expect(noteTexts(later.doc)).toEqual(['Blijft staan'])
  })
})

describe('a damaged database', () => {
  it('says so at start and on /health, and logs a map whose edits went missing', async () => {
    const dataDir = tempDataDir()
    const first = await startServerProcess(dataDir)
    const { roomId } = await createMap(first.port)
    const writer = client(first.port, roomId)
    await whenSynced(writer)
    pushNotes(
      writer.doc,
      ...Array.from({ length: 200 }, (_, i) => `notitie ${i} ${'x'.repeat(400)}`),
    )
    const stored = client(first.port, roomId)
    await whenSynced(stored)
    await waitFor(() => noteTexts(stored.doc).length === 200, 'the notes stored')
    stored.destroy()
    writer.destroy()
    await stopServerProcess(first)

    // Rows lost (as a damaged page loses them): the map says it was written, its log is empty.
    const file = path.join(dataDir, 'partnerschapskaart.db')
    const db = new Database(file)
    db.prepare('DELETE FROM updates WHERE room = ?').run(roomId)
    db.close()
    const second = await startServerProcess(dataDir)
    let log = ''
    second.child.stderr!.on('data', (chunk: Buffer) => (log += chunk.toString()))
    second.child.stdout!.on('data', (chunk: Buffer) => (log += chunk.toString()))
    const reader = client(second.port, roomId)
    await whenSynced(reader)
    await waitFor(() => log.includes('lost its edits'), 'the empty map is logged')
    expect(log).not.toContain(roomId)
    await stopServerProcess(second)

    // Pages overwritten in the middle of the file: the check at start finds it.
    const bytes = fs.readFileSync(file)
    const pageSize = bytes.readUInt16BE(16)
    for (let page = 3; page < bytes.length / pageSize - 1; page += 2) {
      bytes.fill(0x5a, page * pageSize + 8, page * pageSize + 200)
    }
    fs.writeFileSync(file, bytes)
    const damaged = await startServerProcess(dataDir)
    defer(() => stopServerProcess(damaged))
    const health = await fetch(`${damaged.url}health`)
    expect(health.status).toBe(503)
    expect(await health.json()).toMatchObject({ status: 'storage-damaged' })
  })
})

describe('stopping', () => {
  it('answers /health with 503 "draining" until its connections are closed', async () => {
    const server = await serverOn(tempDataDir())
    const { roomId } = await createMap(server.port)
    // A client that stops reading keeps its connection open as long as the server waits.
    const slow = await rawSocket(server.port, roomId, ['pk.v1'])
    ;(slow as unknown as { _socket: net.Socket })._socket.pause()
    const stopped = server.close()
    const health = await fetch(`http://127.0.0.1:${server.port}/health`)
    expect(health.status).toBe(503)
    expect(await health.json()).toMatchObject({ status: 'draining' })
    await stopped
  })
})
