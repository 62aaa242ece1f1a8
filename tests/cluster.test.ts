import { spawn } from 'node:child_process'
import net from 'node:net'
import { afterEach, describe, expect, it, vi } from 'vitest'
import pg from 'pg'
import * as Y from 'yjs'
import { PostgresStorage } from '../server/postgresStorage'
import { mergeLog } from '../server/updates'
import { freshDatabase, services, servicesMissing } from './helpers/services'
import {
  killHard,
  startServerProcess,
  stopServerProcess,
  tempDataDir,
  type ServerProcess,
  metricsText,
} from './helpers/serverProcess'
import {
  connectStockClient,
  createMap,
  waitFor,
  whenSynced,
  type StockClient,
} from './helpers/stockClient'
import { refusalOf } from './helpers/inProcess'
import { counterKey, noteTexts, pushNotes, TEST_AUTHOR } from './helpers/mapShapes'

vi.setConfig({ testTimeout: 60_000 })

/** A port nobody listens on now. */
function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo
      probe.close(() => resolve(port))
    })
  })
}

/** True when something accepts connections on `port` now. */
function accepting(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1')
    socket.once('connect', () => {
      socket.destroy()
      resolve(true)
    })
    socket.once('error', () => resolve(false))
  })
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
/** Counters in the map's `activity` root, where the schema takes a number per key. */
const edits = (client: StockClient) => client.doc.getMap<number>('activity')

/**
 * Several server processes sharing PostgreSQL and Redis on loopback, with stock y-websocket
 * clients: what a hosting party runs behind a load balancer.
 */
describe.skipIf(servicesMissing)('many servers: PostgreSQL and Redis', () => {
  const cleanups: Array<() => unknown> = []
  afterEach(async () => {
    while (cleanups.length > 0) await cleanups.pop()!()
  })

  async function database(): Promise<string> {
    const db = await freshDatabase()
    cleanups.push(() => db.drop())
    return db.url
  }

  async function node(databaseUrl: string, extra: string[] = []): Promise<ServerProcess> {
    const server = await startServerProcess(tempDataDir(), 0, [
      '--database-url',
      databaseUrl,
      '--redis-url',
      services.redis!,
      ...extra,
    ])
    cleanups.push(() => stopServerProcess(server))
    return server
  }

  function client(server: ServerProcess, room: string): StockClient {
    const made = connectStockClient(server.port, room)
    cleanups.push(() => made.destroy())
    return made
  }

  /** Two nodes on one database, a new map, and a synced client on each node. */
  async function twoNodesOnOneMap(databaseUrl: string, extra: string[] = []) {
    const [a, b] = await Promise.all([node(databaseUrl, extra), node(databaseUrl, extra)])
    const { roomId, facilitatorKey } = await createMap(a.port)
    const onA = client(a, roomId)
    const onB = client(b, roomId)
    await Promise.all([whenSynced(onA), whenSynced(onB)])
    return { a, b, roomId, facilitatorKey, onA, onB }
  }

  it('lets clients on two nodes edit one map live, with presence crossing over', async () => {
    const url = await database()
    const { a, b, roomId, onA, onB } = await twoNodesOnOneMap(url)

    // Both write at once; each sees every edit of the other.
    for (let i = 0; i < 50; i++) {
      edits(onA).set(counterKey(`a${i}`), i)
      edits(onB).set(counterKey(`b${i}`), i)
    }
    await waitFor(() => edits(onA).size === 100 && edits(onB).size === 100, 'both converge')
    expect(edits(onA).toJSON()).toEqual(edits(onB).toJSON())

    // Presence: who is at the table shows on the other node, and leaves it again.
    onA.provider.awareness.setLocalStateField('participant', { ...TEST_AUTHOR, name: 'Ellen' })
    await waitFor(
      () =>
        [...onB.provider.awareness.getStates().values()].some(
          (state) => (state.participant as { name?: string } | undefined)?.name === 'Ellen',
        ),
      'presence from node A on node B',
    )
    const ellen = onA.doc.clientID
    onA.provider.destroy()
    await waitFor(
      () => !onB.provider.awareness.getStates().has(ellen),
      'presence gone from node B once the client left node A',
    )

    // A client that joins later on B gets everything from storage.
    const late = client(b, roomId)
    await whenSynced(late)
    expect(edits(late).size).toBe(100)

    // Both nodes say they relay.
    const metrics = await metricsText(b.url)
    expect(metrics).toMatch(/^pk_relay_received_total [1-9]/m)
    const health = await fetch(`${a.url}health`)
    expect(await health.json()).toMatchObject({ status: 'ready' })
  })

  it('loses nothing when a node is killed mid-stream and its clients move to another', async () => {
    const url = await database()
    const { a, b, roomId, onA: writer, onB: watcher } = await twoNodesOnOneMap(url)

    let written = 0
    const stream = setInterval(() => edits(writer).set(counterKey(`e${written}`), written++), 2)
    await waitFor(() => edits(watcher).size > 100, 'the stream arrives on node B')
    await killHard(a)
    const atKill = written
    await waitFor(() => written >= atKill + 10, 'edits made while node A is gone')
    clearInterval(stream)
    // The stock client keeps retrying node A; the load balancer would send it to B instead.
    writer.provider.destroy()
    const resumed = connectStockClient(b.port, roomId, {}, writer.doc)
    cleanups.push(() => resumed.provider.destroy())
    await whenSynced(resumed)

    await waitFor(() => edits(watcher).size === written, `all ${written} edits on node B`)
    // And in storage: a client that comes later, to a node started afresh, has them all.
    const c = await node(url)
    const fresh = client(c, roomId)
    await whenSynced(fresh)
    expect(edits(fresh).size).toBe(written)
  })

  it('deletes a map for good while another node writes and compacts it: not one row stays', async () => {
    const url = await database()
    const {
      a,
      roomId,
      facilitatorKey,
      onB: writer,
    } = await twoNodesOnOneMap(url, ['--compact-after-updates', '10'])
    const closes: number[] = []
    writer.provider.on('connection-close', (event) => closes.push(event?.code ?? 0))
    let written = 0
    const stream = setInterval(() => {
      if (writer.provider.wsconnected) edits(writer).set(counterKey(`d${written++}`), written)
    }, 2)
    cleanups.push(() => clearInterval(stream))
    await waitFor(() => written > 200, 'node B writes and compacts')
    const deleted = await fetch(`${a.url}api/maps/${roomId}`, {
      method: 'DELETE',
      headers: { 'X-Facilitator-Key': facilitatorKey },
    })
    expect(deleted.status).toBe(200)
    await waitFor(() => closes.includes(4410), 'the writer on node B is told')
    clearInterval(stream)
    // Whatever node B had under way (appends, a compaction, its unloading) wrote nothing after:
    // waited out on purpose, since work that should not happen has no end to wait for.
    await sleep(1500)
    const db = new pg.Client({ connectionString: url })
    await db.connect()
    const docs = [roomId, `${roomId}/control`]
    const count = async (sql: string) =>
      Number((await db.query<{ n: string }>(sql, [docs])).rows[0]!.n)
    expect(await count('SELECT COUNT(*) AS n FROM updates WHERE room = ANY($1::text[])')).toBe(0)
    expect(await count('SELECT COUNT(*) AS n FROM rooms WHERE room = ANY($1::text[])')).toBe(0)
    expect(await count('SELECT COUNT(*) AS n FROM maps WHERE room = ANY($1::text[])')).toBe(0)
    await db.end()
  })

  it('counts a version saved on one node in the size limit of the map on the other', async () => {
    const url = await database()
    const { a, roomId, facilitatorKey, onA, onB } = await twoNodesOnOneMap(url, [
      '--max-map-bytes',
      '6000',
    ])
    pushNotes(onB.doc, 'x'.repeat(900))
    await waitFor(() => noteTexts(onA.doc).length === 1, 'the note on node A')
    // Node A saves versions until the map and its versions fill the limit.
    let status = 201
    for (let saved = 0; status === 201 && saved < 20; saved++) {
      const response = await fetch(`${a.url}api/maps/${roomId}/versions`, {
        method: 'POST',
        headers: { 'X-Facilitator-Key': facilitatorKey, 'Content-Type': 'application/json' },
        body: JSON.stringify({ label: `versie ${saved + 1}` }),
      })
      status = response.status
    }
    expect(status).toBe(413)
    // Node B hears of them over the relay (milliseconds; waited out, as a refusal has no event
    // before it) and holds the map to what is left.
    await sleep(1000)
    const refused = refusalOf(onB)
    pushNotes(onB.doc, 'y'.repeat(900))
    const accepted = sleep(10_000).then(() => 'accepted')
    expect(await Promise.race([refused, accepted])).toEqual({ code: 4413, reason: 'map-too-big' })
  })

  it('compacts on two nodes at once without losing an update', async () => {
    const url = await database()
    // Every node compacts after ten updates: with two writers they race all the time.
    const { a, b, roomId, onA, onB } = await twoNodesOnOneMap(url, [
      '--compact-after-updates',
      '10',
    ])
    for (let i = 0; i < 300; i++) {
      edits(onA).set(counterKey(`a${i}`), i)
      edits(onB).set(counterKey(`b${i}`), i)
      // In bursts, so both nodes compact while the other writes.
      if (i % 20 === 0) await sleep(5)
    }
    await waitFor(() => edits(onA).size === 600 && edits(onB).size === 600, 'live convergence')
    await Promise.all([stopServerProcess(a), stopServerProcess(b)])

    const db = new pg.Client({ connectionString: url })
    await db.connect()
    const { rows } = await db.query<{ data: Buffer }>(
      'SELECT data FROM updates WHERE room = $1 ORDER BY seq',
      [roomId],
    )
    await db.end()
    // Compacted (600 updates are far fewer rows now), and every edit is in what is stored.
    expect(rows.length).toBeLessThan(100)
    const stored = new Y.Doc()
    for (const row of rows) Y.applyUpdate(stored, row.data)
    expect(stored.getMap('activity').size).toBe(600)
  })

  it('says it is not ready while Redis is away, and catches up on what it missed', async () => {
    const url = await database()
    const port = await freePort()
    const startRedis = () => {
      const redis = spawn(
        'redis-server',
        ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
        {
          stdio: 'ignore',
        },
      )
      const exited = new Promise((resolve) => redis.once('exit', resolve))
      cleanups.push(() => {
        redis.kill('SIGKILL')
        return exited
      })
      return { redis, exited }
    }
    const first = startRedis()
    await waitFor(() => accepting(port), 'Redis listening')
    const own = ['--redis-url', `redis://127.0.0.1:${port}`]
    const { a, b, onA, onB } = await twoNodesOnOneMap(url, own)
    edits(onA).set(counterKey('before'), 1)
    await waitFor(() => edits(onB).get(counterKey('before')) === 1, 'relayed while Redis runs')

    first.redis.kill('SIGKILL')
    await first.exited
    const status = async (server: ServerProcess) => {
      const response = await fetch(`${server.url}health`)
      return `${response.status} ${((await response.json()) as { status: string }).status}`
    }
    await waitFor(async () => (await status(a)) === '503 relay-unavailable', 'A not ready')
    // Stored on A while nothing can be relayed.
    for (let i = 0; i < 10; i++) edits(onA).set(counterKey(`during${i}`), i)
    // Waiting out a relay that cannot happen.
    await sleep(300)
    expect(edits(onB).has(counterKey('during0'))).toBe(false)

    startRedis()
    await waitFor(async () => (await status(a)) === '200 ready', 'A ready again')
    await waitFor(async () => (await status(b)) === '200 ready', 'B ready again')
    await waitFor(() => edits(onB).size === 11, 'what B missed arrives once Redis is back')
    edits(onB).set(counterKey('after'), 1)
    await waitFor(() => edits(onA).get(counterKey('after')) === 1, 'relayed again')
  })

  it('moves every map from SQLite to PostgreSQL with one command', async () => {
    const dataDir = tempDataDir()
    const single = await startServerProcess(dataDir)
    const maps = [await createMap(single.port), await createMap(single.port)]
    for (const [m, map] of maps.entries()) {
      const writer = connectStockClient(single.port, map.roomId)
      const facilitator = connectStockClient(single.port, map.roomId, {
        doc: 'control',
        facilitatorKey: map.facilitatorKey,
      })
      await Promise.all([whenSynced(writer), whenSynced(facilitator)])
      for (let i = 0; i < 30; i++) writer.doc.getMap('activity').set(counterKey(`m${m}e${i}`), i)
      facilitator.doc.getMap('facilitation').set('step', 1)
      const check = connectStockClient(single.port, map.roomId)
      await waitFor(() => check.doc.getMap('activity').size === 30, 'stored on the single server')
      for (const done of [writer, facilitator, check]) done.destroy()
    }
    const opened = await fetch(`${single.url}api/maps/${maps[0]!.roomId}/join-code`, {
      method: 'POST',
      headers: { 'x-facilitator-key': maps[0]!.facilitatorKey },
    })
    const { code } = (await opened.json()) as { code: string }
    // A saved version of the card moves too.
    const saved = await fetch(`${single.url}api/maps/${maps[1]!.roomId}/versions`, {
      method: 'POST',
      headers: { 'x-facilitator-key': maps[1]!.facilitatorKey },
      body: JSON.stringify({ label: 'na bijeenkomst 1' }),
    })
    expect(saved.status).toBe(201)
    // So does the count of its deleted trajectories: an old copy stays refused after the move.
    const deleted = await fetch(`${single.url}api/maps/${maps[1]!.roomId}/trajectory`, {
      method: 'DELETE',
      headers: { 'x-facilitator-key': maps[1]!.facilitatorKey },
    })
    expect(deleted.status).toBe(200)
    await stopServerProcess(single)

    const url = await database()
    const run = () =>
      new Promise<string>((resolve, reject) => {
        const child = spawn(
          process.execPath,
          ['dist/server/migrate.js', '--data', dataDir, '--database-url', url],
          { stdio: ['ignore', 'pipe', 'pipe'] },
        )
        let output = ''
        child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
        child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
        child.once('exit', (status) => (status === 0 ? resolve(output) : reject(new Error(output))))
      })
    expect(await run()).toMatch(/^Moved 2 maps .* 0 were there already/)
    // Running it again changes nothing.
    expect(await run()).toMatch(/^Moved 0 maps .* 2 were there already/)

    const moved = await node(url)
    const epochs = await Promise.all(
      maps.map(async (map) => {
        const response = await fetch(`${moved.url}api/maps/${map.roomId}/trajectory`)
        return ((await response.json()) as { epoch: number }).epoch
      }),
    )
    expect(epochs).toEqual([0, 1])
    const versions = await fetch(`${moved.url}api/maps/${maps[1]!.roomId}/versions`)
    expect(((await versions.json()) as { versions: { label: string }[] }).versions).toEqual([
      expect.objectContaining({ number: 1, label: 'na bijeenkomst 1' }),
    ])
    const version = await fetch(`${moved.url}api/maps/${maps[1]!.roomId}/versions/1`)
    const snapshot = new Y.Doc()
    Y.applyUpdate(snapshot, Buffer.from(((await version.json()) as { map: string }).map, 'base64'))
    expect(snapshot.getMap('activity').size).toBe(30)
    for (const [m, map] of maps.entries()) {
      const reader = client(moved, map.roomId)
      await whenSynced(reader)
      expect(reader.doc.getMap('activity').size).toBe(30)
      expect(reader.doc.getMap('activity').get(counterKey(`m${m}e29`))).toBe(29)
      // The facilitator key and the viewer link still work; a wrong key still does not.
      const facilitator = connectStockClient(moved.port, map.roomId, {
        doc: 'control',
        facilitatorKey: map.facilitatorKey,
      })
      cleanups.push(() => facilitator.destroy())
      await whenSynced(facilitator)
      expect(facilitator.doc.getMap('facilitation').get('step')).toBe(1)
      const viewer = connectStockClient(moved.port, map.roomId, { viewerToken: map.viewerToken })
      cleanups.push(() => viewer.destroy())
      await whenSynced(viewer)
      expect(viewer.doc.getMap('activity').size).toBe(30)
    }
    const wrong = connectStockClient(moved.port, maps[0]!.roomId, {
      doc: 'control',
      facilitatorKey: maps[1]!.facilitatorKey,
    })
    cleanups.push(() => wrong.destroy())
    const refused = await new Promise<number>((resolve) =>
      wrong.provider.on('connection-close', (event) => resolve(event?.code ?? 0)),
    )
    expect(refused).toBe(4403)
    const joined = await fetch(`${moved.url}api/join/${code}`)
    expect(await joined.json()).toEqual({ roomId: maps[0]!.roomId })
  })

  it('never deletes a row it did not merge, and compacts only under its lock', async () => {
    const url = await database()
    const [one, two] = await Promise.all([PostgresStorage.open(url), PostgresStorage.open(url)])
    cleanups.push(() => Promise.all([one.close(), two.close()]))
    const doc = 'x'.repeat(24)
    // Storage writes nothing for a map it has no record of.
    await one.createMap({
      roomId: doc,
      facilitatorKeyHash: '0'.repeat(64),
      viewerTokenHash: '1'.repeat(64),
      createdAt: Date.now(),
    })
    const writer = new Y.Doc()
    const updates: Uint8Array[] = []
    writer.on('update', (update: Uint8Array) => updates.push(update))
    const write = (from: number, to: number): Uint8Array[] => {
      for (let i = from; i < to; i++) writer.getMap('edits').set(`k${i}`, i)
      return updates.splice(0)
    }
    await one.append(doc, write(0, 40))

    // Another server holds the document's lock: no compaction, nothing changed.
    const holder = new pg.Client({ connectionString: url })
    await holder.connect()
    cleanups.push(() => holder.end())
    await holder.query('SELECT pg_advisory_lock(hashtextextended($1, 0))', [doc])
    expect(await one.compact(doc, mergeLog)).toBe(false)
    expect(await one.count(doc)).toBe(40)
    await holder.query('SELECT pg_advisory_unlock(hashtextextended($1, 0))', [doc])

    // While one server merges what it read, another appends: that row was not read, and stays.
    let appended: Promise<void> | null = null
    const compacted = await one.compact(doc, (rows) => {
      appended = two.append(doc, write(40, 50))
      return mergeLog(rows)
    })
    await appended
    expect(compacted).toBe(true)
    expect(await one.count(doc)).toBe(11)
    const after = new Y.Doc()
    for (const update of (await two.load(doc)).updates) Y.applyUpdate(after, update)
    expect(after.getMap('edits').size).toBe(50)
  })
})
