import { execFileSync, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { refusalOf, useInProcessServers } from './helpers/inProcess'
import { noteTexts, pushNotes } from './helpers/mapShapes'
import { startServerProcess, stopServerProcess, tempDataDir } from './helpers/serverProcess'
import {
  connectStockClient,
  createMap,
  randomRoomId,
  waitFor,
  whenSynced,
} from './helpers/stockClient'

const { defer } = useInProcessServers()

const BACKUP = path.resolve('dist/server/backup.js')

describe('backups', () => {
  it('takes a consistent copy while people write, and a fresh data folder restored from it has every map and note', async () => {
    const dataDir = tempDataDir()
    const server = await startServerProcess(dataDir)
    defer(() => stopServerProcess(server))
    const maps = await Promise.all([createMap(server.port), createMap(server.port)])
    const writers = maps.map((map) => connectStockClient(server.port, map.roomId))
    const watchers = maps.map((map) => connectStockClient(server.port, map.roomId))
    defer(() => [...writers, ...watchers].forEach((c) => c.destroy()))
    await Promise.all([...writers, ...watchers].map((c) => whenSynced(c)))

    // Both maps keep getting notes, before, during and after the backup.
    let written = 0
    const writing = setInterval(() => {
      writers.forEach((writer, i) => pushNotes(writer.doc, `kaart ${i} notitie ${written}`))
      written++
    }, 5)
    defer(() => clearInterval(writing))
    await waitFor(() => noteTexts(watchers[1]!.doc).length >= 100, 'a session under way')
    // What the watchers have seen, the server had stored: the backup must hold all of it.
    const seen = watchers.map((watcher) => new Set(noteTexts(watcher.doc)))
    const out = path.join(tempDataDir('pk-backup-'), 'kopie.db')
    const made = execFileSync(
      process.execPath,
      [BACKUP, 'backup', '--data', dataDir, '--out', out],
      {
        encoding: 'utf8',
      },
    )
    expect(made).toMatch(/^Backed up 2 maps/)
    expect(fs.statSync(out).mode & 0o077).toBe(0)
    const atCopy = written
    await waitFor(() => written >= atCopy + 20, 'notes written after the copy')
    clearInterval(writing)
    // A second backup never overwrites the first.
    const again = spawnSync(process.execPath, [BACKUP, 'backup', '--data', dataDir, '--out', out])
    expect(again.status).toBe(1)

    const fresh = tempDataDir()
    const restored = execFileSync(
      process.execPath,
      [BACKUP, 'restore', '--from', out, '--data', fresh],
      {
        encoding: 'utf8',
      },
    )
    expect(restored).toMatch(/^Restored 2 maps/)
    const second = await startServerProcess(fresh)
    defer(() => stopServerProcess(second))
    for (const [i, map] of maps.entries()) {
      const reader = connectStockClient(second.port, map.roomId)
      defer(() => reader.destroy())
      await whenSynced(reader)
      const texts = new Set(noteTexts(reader.doc))
      expect([...seen[i]!].filter((text) => !texts.has(text))).toEqual([])
      // The facilitator key came along; a wrong one is still refused.
      const facilitator = connectStockClient(second.port, map.roomId, {
        doc: 'control',
        facilitatorKey: map.facilitatorKey,
      })
      defer(() => facilitator.destroy())
      await whenSynced(facilitator)
    }
    const wrong = connectStockClient(second.port, maps[0]!.roomId, {
      doc: 'control',
      facilitatorKey: randomRoomId(),
    })
    defer(() => wrong.destroy())
    expect((await refusalOf(wrong)).code).toBe(4403)
    // Restoring over a data folder that has a database needs --replace.
    const over = spawnSync(process.execPath, [BACKUP, 'restore', '--from', out, '--data', fresh])
    expect(over.status).toBe(1)
    expect(String(over.stderr)).toContain('--replace')
  })
})
