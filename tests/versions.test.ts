import Database from 'better-sqlite3'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { ApiPath, FACILITATOR_KEY_HEADER } from '../shared/protocol'
import { viewMap } from '../src/map'
import { refusalOf, useInProcessServers } from './helpers/inProcess'
import { handle, notesOf, noteTexts, pushNotes } from './helpers/mapShapes'
import { tempDataDir } from './helpers/serverProcess'
import { freshDatabase, services, servicesMissing } from './helpers/services'
import { createMap, waitFor, whenSynced, type CreatedMap } from './helpers/stockClient'

const { serverOn, client, defer } = useInProcessServers()

type Server = Awaited<ReturnType<typeof serverOn>>

function api(server: Server, pathname: string, init: RequestInit = {}) {
  return fetch(`http://127.0.0.1:${server.port}${pathname}`, init)
}

function save(server: Server, map: CreatedMap, label: unknown, key = map.facilitatorKey) {
  return api(server, ApiPath.versions(map.roomId), {
    method: 'POST',
    headers: { [FACILITATOR_KEY_HEADER]: key, 'Content-Type': 'application/json' },
    body: JSON.stringify({ label }),
  })
}

/** A saved version's notes, read as the client reads them. */
async function notesOfVersion(server: Server, map: CreatedMap, number: number) {
  const response = await api(server, ApiPath.version(map.roomId, number))
  expect(response.status).toBe(200)
  const body = (await response.json()) as { map: string; control: string }
  const doc = new Y.Doc()
  Y.applyUpdate(doc, Buffer.from(body.map, 'base64'))
  return noteTexts(doc)
}

/** A map with notes written by the stock y-websocket client, all of them stored. */
async function mapWith(server: Server, ...texts: string[]) {
  const map = await createMap(server.port)
  const writer = client(server.port, map.roomId)
  const reader = client(server.port, map.roomId)
  await Promise.all([whenSynced(writer), whenSynced(reader)])
  pushNotes(writer.doc, ...texts)
  await waitFor(() => noteTexts(reader.doc).length === texts.length, 'the notes to be stored')
  return { map, writer, reader }
}

function versionsTests(start: () => Promise<Server>, rows: (server: Server) => Promise<number>) {
  it('saves the map as numbered versions that never change, which anyone in the map can read', async () => {
    const server = await start()
    const { map, writer, reader } = await mapWith(server, 'Respect', 'Warmte')
    const first = await save(server, map, 'na bijeenkomst 1')
    expect(first.status).toBe(201)
    const { version } = (await first.json()) as { version: { number: number; label: string } }
    expect(version).toMatchObject({ number: 1, label: 'na bijeenkomst 1' })

    pushNotes(writer.doc, 'Eerlijk delen')
    await waitFor(() => noteTexts(reader.doc).length === 3, 'the third note to be stored')
    expect((await save(server, map, '')).status).toBe(201)

    // Anyone with the map's link lists them and opens one: no key needed.
    const listed = (await (await api(server, ApiPath.versions(map.roomId))).json()) as {
      versions: { number: number; label: string; createdAt: number; bytes: number }[]
    }
    expect(listed.versions.map((v) => [v.number, v.label])).toEqual([
      [1, 'na bijeenkomst 1'],
      [2, ''],
    ])
    expect(listed.versions.every((v) => v.bytes > 0 && v.createdAt > 0)).toBe(true)
    expect((await notesOfVersion(server, map, 1)).sort()).toEqual(['Respect', 'Warmte'])
    expect((await notesOfVersion(server, map, 2)).sort()).toEqual([
      'Eerlijk delen',
      'Respect',
      'Warmte',
    ])
    // The snapshot is the map as the client reads it (a stored version is a real map).
    const snapshot = new Y.Doc()
    const body = (await (await api(server, ApiPath.version(map.roomId, 2))).json()) as {
      map: string
    }
    Y.applyUpdate(snapshot, Buffer.from(body.map, 'base64'))
    expect(viewMap(handle(snapshot)).notes.size).toBe(3)
    // Editing the map later changes no version.
    pushNotes(writer.doc, 'Later')
    await waitFor(() => noteTexts(reader.doc).length === 4, 'a later note')
    expect(await notesOfVersion(server, map, 1)).toHaveLength(2)
    expect(await rows(server)).toBe(2)
  })

  it('lets only the facilitator save, and refuses bad requests with a reason', async () => {
    const server = await start()
    const { map } = await mapWith(server, 'Respect')
    expect((await save(server, map, 'x', 'A'.repeat(22))).status).toBe(403)
    const anonymous = await api(server, ApiPath.versions(map.roomId), { method: 'POST' })
    expect(anonymous.status).toBe(403)
    expect((await save(server, map, 'x'.repeat(61))).status).toBe(400)
    expect((await save(server, map, 'regel\nmet een breuk')).status).toBe(400)
    expect((await save(server, map, 42)).status).toBe(400)
    const huge = await api(server, ApiPath.versions(map.roomId), {
      method: 'POST',
      headers: { [FACILITATOR_KEY_HEADER]: map.facilitatorKey },
      body: 'x'.repeat(10_000),
    })
    expect(huge.status).toBe(413)
    expect(await huge.json()).toEqual({ error: 'body-too-big' })
    // Hidden characters: a lone surrogate (broken UTF-8 in a database), a right-to-left override.
    for (const label of ['"versie \\ud800"', '"versie \\u202e2"']) {
      const hidden = await api(server, ApiPath.versions(map.roomId), {
        method: 'POST',
        headers: { [FACILITATOR_KEY_HEADER]: map.facilitatorKey },
        body: `{"label":${label}}`,
      })
      expect(hidden.status).toBe(400)
    }
    const notJson = await api(server, ApiPath.versions(map.roomId), {
      method: 'POST',
      headers: { [FACILITATOR_KEY_HEADER]: map.facilitatorKey },
      body: '{"label":',
    })
    expect(notJson.status).toBe(400)
    expect((await api(server, `/api/maps/${map.roomId}/versions/0`)).status).toBe(404)
    expect((await api(server, `/api/maps/${map.roomId}/versions/1x`)).status).toBe(404)
    expect((await api(server, ApiPath.version(map.roomId, 7))).status).toBe(404)
    const other = await createMap(server.port)
    // A map nobody wrote in has nothing to keep.
    expect((await save(server, other, '')).status).toBe(409)
    expect((await api(server, ApiPath.versions('B'.repeat(22)))).status).toBe(404)
    expect(await rows(server)).toBe(0)
    // The server is still well.
    expect((await save(server, map, 'goed')).status).toBe(201)
  })

  it('keeps in a version only what the map shows, not text written over before it', async () => {
    const server = await start()
    const { map, writer, reader } = await mapWith(server, 'Mevrouw Jansen, Dorpsstraat 4')
    writer.doc.transact(() => {
      notesOf(writer.doc).forEach((note) => note.set('text', 'Een bewoner die alleen woont'))
    })
    await waitFor(
      () => noteTexts(reader.doc)[0] === 'Een bewoner die alleen woont',
      'the note written over',
    )
    expect((await save(server, map, '')).status).toBe(201)
    const body = (await (await api(server, ApiPath.version(map.roomId, 1))).json()) as {
      map: string
    }
    const snapshot = Buffer.from(body.map, 'base64')
    expect(snapshot.includes('Een bewoner die alleen woont')).toBe(true)
    expect(snapshot.includes('Jansen')).toBe(false)
    // The log itself still has it until it is compacted: the test could fail.
    const log = await server.storage.load(map.roomId)
    expect(log.updates.some((update) => Buffer.from(update).includes('Jansen'))).toBe(true)
  })

  it('keeps to the number of versions when saves come at once, and dates them in order', async () => {
    const server = await start()
    const { map } = await mapWith(server, 'Respect')
    const snapshot = { map: new Uint8Array([0, 0]), control: new Uint8Array([0, 0]) }
    const limits = { count: 3, bytes: 1_000_000 }
    const results = await Promise.all(
      [5, 4, 3, 2, 1, 0].map((i) =>
        server.storage.saveVersion(map.roomId, `v${i}`, snapshot, 1_000 + i, limits),
      ),
    )
    expect(results.filter((result) => result === 'too-many-versions')).toHaveLength(3)
    const listed = await server.storage.listVersions(map.roomId)
    expect(listed.map((version) => version.number)).toEqual([1, 2, 3])
    const dates = listed.map((version) => version.createdAt)
    expect([...dates].sort((a, b) => a - b)).toEqual(dates)
  })

  it('refuses saves past ten a minute with their own reason; refused requests count for none', async () => {
    const server = await start()
    const { map } = await mapWith(server, 'Respect')
    for (let i = 0; i < 12; i++) expect((await save(server, map, 'x'.repeat(61))).status).toBe(400)
    for (let i = 0; i < 10; i++) expect((await save(server, map, `v${i}`)).status).toBe(201)
    const refused = await save(server, map, 'v10')
    expect(refused.status).toBe(429)
    expect(await refused.json()).toEqual({ error: 'too-many-saves' })
  })

  it('deletes the versions with the map', async () => {
    const server = await start()
    const { map } = await mapWith(server, 'Respect')
    expect((await save(server, map, 'een')).status).toBe(201)
    expect((await save(server, map, 'twee')).status).toBe(201)
    expect(await rows(server)).toBe(2)
    const deleted = await api(server, ApiPath.map(map.roomId), {
      method: 'DELETE',
      headers: { [FACILITATOR_KEY_HEADER]: map.facilitatorKey },
    })
    expect(deleted.status).toBe(200)
    expect(await rows(server)).toBe(0)
    expect((await api(server, ApiPath.version(map.roomId, 1))).status).toBe(404)
  })
}

describe('saved versions of a map (SQLite)', () => {
  let dataDir = ''
  const rows = async () => {
    const db = new Database(path.join(dataDir, 'partnerschapskaart.db'), { readonly: true })
    try {
      return (db.prepare('SELECT COUNT(*) AS n FROM card_versions').get() as { n: number }).n
    } finally {
      db.close()
    }
  }
  versionsTests(async () => {
    dataDir = tempDataDir()
    return serverOn(dataDir)
  }, rows)

  it('counts the versions in the map size limit', async () => {
    dataDir = tempDataDir()
    const server = await serverOn(dataDir, { maxMapBytes: 6_000 })
    const { map, writer } = await mapWith(server, 'x'.repeat(900))
    let saved = 0
    let status = 201
    while (status === 201 && saved < 50) {
      status = (await save(server, map, `versie ${saved + 1}`)).status
      if (status === 201) saved++
    }
    expect(status).toBe(413)
    // Each version holds the map again; the map and its versions stay within the limit.
    const listed = (await (await api(server, ApiPath.versions(map.roomId))).json()) as {
      versions: { bytes: number }[]
    }
    expect(listed.versions).toHaveLength(saved)
    expect(saved).toBeGreaterThan(1)
    const total = listed.versions.reduce((sum, v) => sum + v.bytes, 0)
    expect(total + listed.versions[0]!.bytes).toBeLessThanOrEqual(6_000)
    // The map itself cannot grow into the room its versions take either.
    const refused = refusalOf(writer)
    pushNotes(writer.doc, 'y'.repeat(900))
    expect(await refused).toEqual({ code: 4413, reason: 'map-too-big' })
  })
})

describe.skipIf(servicesMissing)('saved versions of a map (PostgreSQL)', () => {
  let url = ''
  const rows = async () => {
    const pg = await import('pg')
    const db = new pg.default.Client({ connectionString: url })
    await db.connect()
    try {
      const { rows } = await db.query<{ n: string }>('SELECT COUNT(*) AS n FROM card_versions')
      return Number(rows[0]!.n)
    } finally {
      await db.end()
    }
  }
  versionsTests(async () => {
    const database = await freshDatabase()
    url = database.url
    // Dropped after the server stopped (clean-ups run last first).
    defer(() => database.drop())
    return serverOn(tempDataDir(), { databaseUrl: url, redisUrl: services.redis })
  }, rows)
})
