import Database from 'better-sqlite3'
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { ApiPath, FACILITATOR_KEY_HEADER } from '../shared/protocol'
import { refusalOf, useInProcessServers } from './helpers/inProcess'
import { noteTexts, pushNotes } from './helpers/mapShapes'
import { tempDataDir } from './helpers/serverProcess'
import { freshDatabase, services, servicesMissing } from './helpers/services'
import { createMap, waitFor, whenSynced, type StockClient } from './helpers/stockClient'

const { serverOn, client, defer } = useInProcessServers()

type Server = Awaited<ReturnType<typeof serverOn>>

/** A meeting as our client writes it: a nested map of plain fields. */
function addMeeting(c: StockClient, id: string, fields: Record<string, unknown>): void {
  c.doc.transact(() => {
    const meeting = new Y.Map<unknown>()
    for (const [key, value] of Object.entries(fields)) meeting.set(key, value)
    c.doc.getMap('meetings').set(id, meeting)
  })
}

const MEETING = {
  date: '2026-03-12',
  theme: 'Wat verstaan we onder samenwerken?',
  prompt: '',
  form: 'Partnerschapskaart',
  report: '',
  version: null,
  preparers: [
    { name: 'Buurtteam Noord', side: 'formal' },
    { name: 'Mantelzorgers', side: 'informal' },
  ],
  scoreBefore: { answers: 4, counts: [0, 0, 0, 0, 1, 2, 1, 0, 0, 0] },
  scoreAfter: { answers: 2, counts: null },
  createdAt: 1,
}

function deleteTrajectory(server: Server, roomId: string, key: string) {
  return fetch(`http://127.0.0.1:${server.port}${ApiPath.trajectory(roomId)}`, {
    method: 'DELETE',
    headers: { [FACILITATOR_KEY_HEADER]: key },
  })
}

async function epochOf(server: Server, roomId: string): Promise<number> {
  const response = await fetch(`http://127.0.0.1:${server.port}${ApiPath.trajectory(roomId)}`)
  expect(response.status).toBe(200)
  return ((await response.json()) as { epoch: number }).epoch
}

function trajectoryTests(
  start: () => Promise<Server>,
  rows: (server: Server, doc: string) => Promise<number>,
) {
  it('keeps the trajectory beside the map: only a facilitator writes it, anyone in the map reads it', async () => {
    const server = await start()
    const { roomId, facilitatorKey } = await createMap(server.port)
    const facilitator = client(server.port, roomId, { doc: 'trajectory', facilitatorKey })
    const participant = client(server.port, roomId, { doc: 'trajectory' })
    await Promise.all([whenSynced(facilitator), whenSynced(participant)])
    facilitator.doc.getMap('trajectory').set('title', 'Samen sterk in Noord')
    addMeeting(facilitator, 'meeting-0001', MEETING)
    await waitFor(
      () => participant.doc.getMap('meetings').size === 1,
      'the meeting at the participant',
    )
    // A participant's own writes never reach the document.
    participant.doc.getMap('trajectory').set('title', 'Overgenomen')
    const later = client(server.port, roomId, { doc: 'trajectory' })
    await whenSynced(later)
    expect(later.doc.getMap('trajectory').get('title')).toBe('Samen sterk in Noord')
    expect(await rows(server, `${roomId}/trajectory`)).toBeGreaterThan(0)
  })

  it('refuses a trajectory that does not fit the schema, scores of fewer than three among them', async () => {
    const server = await start()
    const { roomId, facilitatorKey } = await createMap(server.port)
    const bad: Array<[string, Record<string, unknown>]> = [
      // Counts of two answers would show what each of them gave.
      [
        'too few to count',
        { ...MEETING, scoreBefore: { answers: 2, counts: [0, 1, 1, 0, 0, 0, 0, 0, 0, 0] } },
      ],
      [
        'counts that add up wrong',
        { ...MEETING, scoreAfter: { answers: 5, counts: [5, 5, 0, 0, 0, 0, 0, 0, 0, 0] } },
      ],
      ['a date that is none', { ...MEETING, date: '2026-02-31' }],
      [
        'a preparer with an address',
        { ...MEETING, preparers: [{ name: 'An', side: 'formal', email: 'an@example.nl' }] },
      ],
      ['a field the schema does not know', { ...MEETING, phone: '06-12345678' }],
    ]
    for (const [what, fields] of bad) {
      const writer = client(server.port, roomId, { doc: 'trajectory', facilitatorKey })
      await whenSynced(writer)
      const refused = refusalOf(writer)
      addMeeting(writer, 'meeting-0002', fields)
      expect((await refused).code, what).toBe(4400)
    }
    const reader = client(server.port, roomId, { doc: 'trajectory' })
    await whenSynced(reader)
    expect(reader.doc.getMap('meetings').size).toBe(0)
  })

  it('deletes the trajectory for good and tells everyone on it; the map and its versions stay', async () => {
    const server = await start()
    const { roomId, facilitatorKey } = await createMap(server.port)
    const marker = 'Verslag-Holendrecht-9c2e71'
    const notes = client(server.port, roomId)
    const notesSeen = client(server.port, roomId)
    const facilitator = client(server.port, roomId, { doc: 'trajectory', facilitatorKey })
    const reader = client(server.port, roomId, { doc: 'trajectory' })
    await Promise.all([notes, notesSeen, facilitator, reader].map((c) => whenSynced(c)))
    pushNotes(notes.doc, 'Respect')
    addMeeting(facilitator, 'meeting-0001', { ...MEETING, report: marker })
    // The server stores an update before it passes it on: seen by another client, it is stored,
    // and the version below is not of an empty map (409 under load, when it came first).
    await waitFor(() => noteTexts(notesSeen.doc).includes('Respect'), 'the note stored')
    await waitFor(() => reader.doc.getMap('meetings').size === 1, 'the meeting stored')
    const saved = await fetch(`http://127.0.0.1:${server.port}${ApiPath.versions(roomId)}`, {
      method: 'POST',
      headers: { [FACILITATOR_KEY_HEADER]: facilitatorKey, 'Content-Type': 'application/json' },
      body: JSON.stringify({ label: 'na bijeenkomst 1' }),
    })
    expect(saved.status).toBe(201)

    expect((await deleteTrajectory(server, roomId, 'A'.repeat(22))).status).toBe(403)
    const told = [refusalOf(facilitator), refusalOf(reader)]
    expect((await deleteTrajectory(server, roomId, facilitatorKey)).status).toBe(200)
    for (const refusal of await Promise.all(told)) {
      expect(refusal).toEqual({ code: 4410, reason: 'trajectory-deleted' })
    }
    expect(await rows(server, `${roomId}/trajectory`)).toBe(0)
    // Opened again with the epoch the server now gives, it is empty: a new one can start.
    expect(await epochOf(server, roomId)).toBe(1)
    const again = client(server.port, roomId, { doc: 'trajectory', epoch: 1 })
    await whenSynced(again)
    expect(again.doc.getMap('meetings').size).toBe(0)
    // The map, its notes and its versions carry on.
    pushNotes(notes.doc, 'Warmte')
    const check = client(server.port, roomId)
    await whenSynced(check)
    await waitFor(() => noteTexts(check.doc).length === 2, 'both notes')
    const versions = await fetch(`http://127.0.0.1:${server.port}${ApiPath.versions(roomId)}`)
    expect(((await versions.json()) as { versions: unknown[] }).versions).toHaveLength(1)
    expect((await deleteTrajectory(server, 'B'.repeat(22), facilitatorKey)).status).toBe(403)
  })

  it('does not let a device that was away when it was deleted bring the trajectory back', async () => {
    const server = await start()
    const { roomId, facilitatorKey } = await createMap(server.port)
    const marker = 'Verslag-Reigersbos-51af07'
    expect(await epochOf(server, roomId)).toBe(0)
    const away = client(server.port, roomId, { doc: 'trajectory', facilitatorKey, epoch: 0 })
    await whenSynced(away)
    addMeeting(away, 'meeting-0001', { ...MEETING, report: marker })
    await waitFor(async () => (await rows(server, `${roomId}/trajectory`)) > 0, 'stored')
    // The laptop goes offline, keeping what it had; meanwhile a colleague deletes the trajectory.
    away.provider.disconnect()
    expect((await deleteTrajectory(server, roomId, facilitatorKey)).status).toBe(200)
    expect(await epochOf(server, roomId)).toBe(1)
    // Back online, it offers its old copy: the server closes it as deleted and keeps nothing.
    const refused = refusalOf(away)
    away.provider.connect()
    expect(await refused).toEqual({ code: 4410, reason: 'trajectory-deleted' })
    expect(await rows(server, `${roomId}/trajectory`)).toBe(0)
    const fresh = client(server.port, roomId, { doc: 'trajectory', epoch: 1 })
    await whenSynced(fresh)
    expect(fresh.doc.getMap('meetings').size).toBe(0)
    // An epoch that is no whole number, or one from the future, is refused the same way.
    for (const epoch of ['x1', '2']) {
      const odd = client(server.port, roomId, { doc: 'trajectory', epoch })
      const closed = refusalOf(odd)
      expect(await closed).toEqual({ code: 4410, reason: 'trajectory-deleted' })
    }
    const unknown = await fetch(
      `http://127.0.0.1:${server.port}${ApiPath.trajectory('C'.repeat(22))}`,
    )
    expect(unknown.status).toBe(404)
  })
}

describe('the trajectory of a map (SQLite)', () => {
  let dataDir = ''
  trajectoryTests(
    async () => {
      dataDir = tempDataDir()
      return serverOn(dataDir)
    },
    async (_server, doc) => {
      const db = new Database(path.join(dataDir, 'partnerschapskaart.db'), { readonly: true })
      try {
        const count = (sql: string) => (db.prepare(sql).get(doc) as { n: number }).n
        return (
          count('SELECT COUNT(*) AS n FROM updates WHERE room = ?') +
          count('SELECT COUNT(*) AS n FROM rooms WHERE room = ?')
        )
      } finally {
        db.close()
      }
    },
  )

  it('leaves not a byte of a deleted trajectory in the database files', async () => {
    dataDir = tempDataDir()
    const server = await serverOn(dataDir)
    const { roomId, facilitatorKey } = await createMap(server.port)
    const marker = 'Verslag-Gein-4d8b20'
    const facilitator = client(server.port, roomId, { doc: 'trajectory', facilitatorKey })
    await whenSynced(facilitator)
    addMeeting(facilitator, 'meeting-0001', { ...MEETING, report: marker })
    const reader = client(server.port, roomId, { doc: 'trajectory' })
    await whenSynced(reader)
    await waitFor(() => reader.doc.getMap('meetings').size === 1, 'the meeting stored')
    expect((await deleteTrajectory(server, roomId, facilitatorKey)).status).toBe(200)
    for (const file of fs.readdirSync(dataDir)) {
      expect(fs.readFileSync(path.join(dataDir, file)).includes(marker), file).toBe(false)
    }
  })
})

describe.skipIf(servicesMissing)('the trajectory of a map (PostgreSQL)', () => {
  let url = ''
  trajectoryTests(
    async () => {
      const database = await freshDatabase()
      url = database.url
      defer(() => database.drop())
      return serverOn(tempDataDir(), { databaseUrl: url, redisUrl: services.redis })
    },
    async (_server, doc) => {
      const pg = await import('pg')
      const db = new pg.default.Client({ connectionString: url })
      await db.connect()
      try {
        const count = async (sql: string) =>
          Number((await db.query<{ n: string }>(sql, [doc])).rows[0]!.n)
        return (
          (await count('SELECT COUNT(*) AS n FROM updates WHERE room = $1')) +
          (await count('SELECT COUNT(*) AS n FROM rooms WHERE room = $1'))
        )
      } finally {
        await db.end()
      }
    },
  )
})
