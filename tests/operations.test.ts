import { describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { closeOf } from './helpers/inProcess'
import { pushNotes } from './helpers/mapShapes'
import {
  metricsText,
  startServerProcess,
  stopServerProcess,
  tempDataDir,
} from './helpers/serverProcess'
import { connectStockClient, createMap, waitFor, whenSynced } from './helpers/stockClient'

/** What a hosting party expects of one node: health, metrics, structured logs, a clean stop. */
describe('operations', () => {
  it('answers health and metrics, logs JSON lines, and ends connections with 1012 on SIGTERM', async () => {
    const server = await startServerProcess(tempDataDir())
    let output = ''
    server.child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()))
    server.child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()))
    try {
      const health = await fetch(`${server.url}health`)
      expect(health.status).toBe(200)
      expect(await health.json()).toMatchObject({ ok: true, status: 'ready' })

      const { roomId } = await createMap(server.port)
      const writer = connectStockClient(server.port, roomId)
      await whenSynced(writer)
      for (let i = 0; i < 5; i++) pushNotes(writer.doc, `regel ${i}`)
      const metric = async (name: string) => {
        const text = await metricsText(server.url)
        const line = text.split('\n').find((row) => row.startsWith(`${name} `))
        return line ? Number(line.split(' ')[1]) : NaN
      }
      await waitFor(async () => (await metric('pk_updates_total')) >= 5, 'updates counted')
      // Updates that arrive together are committed together: at least one commit was timed.
      expect(await metric('pk_storage_append_seconds_count')).toBeGreaterThanOrEqual(1)
      const text = await metricsText(server.url)
      expect(text).toContain('pk_storage_append_seconds_bucket{le="0.001"}')
      expect(text).toContain('# TYPE pk_storage_append_seconds histogram')

      // A raw socket sees the close code; the stock client would reconnect at once.
      const ws = new WebSocket(`ws://127.0.0.1:${server.port}/ws/${roomId}`)
      await new Promise((resolve) => ws.once('open', resolve))
      const closed = closeOf(ws)
      writer.destroy()
      server.child.kill('SIGTERM')
      const { code } = await closed
      expect(code).toBe(1012)
      await server.exited
      const lines = output.trim().split('\n')
      // Every line is one JSON object with a time, a level and a message.
      for (const line of lines) {
        const entry = JSON.parse(line) as Record<string, unknown>
        expect(typeof entry.time).toBe('string')
        expect(['info', 'warn', 'error']).toContain(entry.level)
        expect(typeof entry.msg).toBe('string')
      }
      expect(lines.some((line) => line.includes('"msg":"stopped"'))).toBe(true)
      expect(output).not.toContain(roomId)
    } finally {
      await stopServerProcess(server)
    }
  })
})
