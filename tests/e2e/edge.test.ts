import fs from 'node:fs'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it, vi } from 'vitest'
import WebSocket from 'ws'
import * as Y from 'yjs'
import { stopServerProcess } from '../helpers/serverProcess'
import { syncUpdateFrame } from '../helpers/forgedUpdates'
import { nestNote, noteTexts } from '../helpers/mapShapes'
import { connectStockClient, waitFor, whenSynced } from '../helpers/stockClient'
import { useHarness, writeMapFile } from './harness'

vi.setConfig({ testTimeout: 180_000 })

const harness = useHarness()

/** Sends one hostile update on a socket of its own; resolves with the close code. */
async function attack(port: number, roomId: string, update: Uint8Array): Promise<number> {
  const ws = new WebSocket(`ws://127.0.0.1:${port}/ws/${roomId}`, ['pk.v1'])
  await new Promise((resolve, reject) => {
    ws.once('open', resolve)
    ws.once('error', reject)
  })
  const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)))
  ws.send(syncUpdateFrame(update))
  return closed
}

/** What a hostile peer would write, built in a document of its own. */
function hostile(build: (doc: Y.Doc) => void): Uint8Array {
  const doc = new Y.Doc()
  build(doc)
  return Y.encodeStateAsUpdate(doc)
}

describe('the edge, in the browser', () => {
  it('refuses updates that would brick a map; the map, its notes and new notes all carry on', async () => {
    const ellen = await harness.person()
    const url = await ellen.room.createMap(harness.server.url, 'Onder vuur')
    await ellen.room.join('Ellen van Dijk', 'Beroepskracht')
    await ellen.room.addNote(/Waarden/, 'Eerst dit')
    const roomId = new URL(url).pathname.split('/').pop()!
    const { port } = harness.server

    const deep = hostile((doc) => nestNote(doc, 'deep-note-0001', 3000))
    const tilde = hostile((doc) => {
      const note = new Y.Map<unknown>()
      doc.getMap('notes').set('tilde-note-01', note)
      note.set('pos', { column: 'waarden', order: '~' })
      note.set('text', 'achteraan, voor altijd')
    })
    const long = hostile((doc) => {
      let value: unknown = 'x'.repeat(500_000)
      for (let i = 0; i < 9; i++) value = { v: value }
      const note = new Y.Map<unknown>()
      doc.getMap('notes').set('long-note-001', note)
      note.set('pos', value)
    })
    expect(await attack(port, roomId, deep)).toBe(4400)
    expect(await attack(port, roomId, tilde)).toBe(4400)
    // Over the text limit, at any depth.
    expect(await attack(port, roomId, long)).toBe(4413)

    // The participant in the browser goes on adding notes at the end, and they reach the server.
    await ellen.room.addNote(/Waarden/, 'Daarna dat')
    await ellen.room.addNote(/Waarden/, 'En nog een')
    const reader = connectStockClient(port, roomId)
    await whenSynced(reader)
    await waitFor(() => noteTexts(reader.doc).length === 3, 'three notes on the server')
    expect(noteTexts(reader.doc)).toEqual(['Eerst dit', 'Daarna dat', 'En nog een'])
    reader.destroy()

    // After a restart (and the compaction on the way out) the map loads whole.
    await stopServerProcess(harness.server)
    await harness.restartServer()
    await ellen.page.reload()
    await ellen.room.note('En nog een').waitFor()
    expect(await ellen.room.notesIn(/Waarden/).count()).toBe(3)
    expect(ellen.errors.filter((e) => !e.includes('WebSocket'))).toEqual([])
  })

  it('imports a file of 2,000 long notes whole: in parts, each within the frame limit', async () => {
    const facilitator = await harness.person()
    const notes = Array.from({ length: 2000 }, (_, i) => ({
      column: ['waarden', 'relaties', 'eisen', 'voorwaarden', 'acties'][i % 5],
      text: `Notitie ${i}: ${'afspraak over samenwerken '.repeat(38)}`.slice(0, 990),
      author: null,
      owner: null,
      agreed: false,
      serves: [],
    }))
    const file = writeMapFile('groot.json', { title: 'Groot bestand', cardVersion: '', notes })
    expect(fs.statSync(file).size).toBeGreaterThan(2 * 1024 * 1024)
    await facilitator.page.goto(harness.server.url)
    await facilitator.page
      .getByLabel('Kies een JSON-bestand van een partnerschapskaart')
      .setInputFiles(file)
    await facilitator.page.waitForURL(/\/m\//)
    const roomId = new URL(facilitator.page.url()).pathname.split('/').pop()!
    const reader = connectStockClient(harness.server.port, roomId)
    await whenSynced(reader)
    await waitFor(
      () => reader.doc.getMap('notes').size === 2000,
      'all 2,000 notes on the server',
      60_000,
    )
    reader.destroy()
    expect(facilitator.errors.filter((e) => !e.includes('WebSocket'))).toEqual([])
  })

  it('lets no page of another site make maps or lock a venue out of joining by code', async () => {
    const ellen = await harness.person()
    const url = await ellen.room.createMap(harness.server.url, 'Met een code')
    await ellen.room.join('Ellen van Dijk', 'Beroepskracht')
    await ellen.room.openPanel('Delen')
    await ellen.page.getByRole('button', { name: 'Meedoen met code openen' }).click()
    const code = (await ellen.page.locator('.join-code-value').first().innerText()).trim()
    const mapsBefore = countMaps()

    // Another site: twelve images pointing at wrong codes, and a form that posts to the API.
    const target = harness.server.url.replace(/\/$/, '')
    const evil = http.createServer((_req, res) => {
      const images = Array.from(
        { length: 12 },
        (_, i) => `<img src="${target}/api/join/WRONG${String(i).padStart(2, '0')}">`,
      ).join('')
      res.writeHead(200, { 'Content-Type': 'text/html' })
      res.end(
        `<!doctype html><body>${images}
        <form id="f" method="post" action="${target}/api/maps"></form>
        <script>fetch('${target}/api/maps', { method: 'POST', mode: 'no-cors' }).finally(() => document.getElementById('f').submit())</script></body>`,
      )
    })
    await new Promise<void>((resolve) => evil.listen(0, '127.0.0.1', resolve))
    const visitor = await harness.person()
    const evilUrl = `http://localhost:${(evil.address() as AddressInfo).port}/`
    await visitor.page.goto(evilUrl)
    await visitor.page.waitForURL(/api\/maps/).catch(() => {})
    // The requests must come to nothing: no answer to wait for, so they get half a second.
    await visitor.page.waitForTimeout(500)
    evil.close()
    expect(countMaps()).toBe(mapsBefore)

    // From the same network, the right code still opens the map.
    const phone = await harness.person({ viewport: { width: 390, height: 844 }, isMobile: true })
    await phone.page.goto(harness.server.url)
    await phone.page.getByLabel('Code', { exact: true }).fill(code)
    await phone.page.getByRole('button', { name: 'Meedoen', exact: true }).click()
    await phone.page.waitForURL(url)
  })
})

/** Maps in the server's database, read beside the running server. */
function countMaps(): number {
  const db = new Database(path.join(harness.dataDir, 'partnerschapskaart.db'), {
    readonly: true,
  })
  try {
    return (db.prepare('SELECT COUNT(*) AS n FROM maps').get() as { n: number }).n
  } finally {
    db.close()
  }
}
