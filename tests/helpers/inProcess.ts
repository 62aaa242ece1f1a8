import { afterEach } from 'vitest'
import WebSocket from 'ws'
import { DEFAULT_CONFIG, type ServerConfig } from '../../server/config'
import { startServer, type RunningServer } from '../../server/server'
import { connectStockClient, type ConnectOptions, type StockClient } from './stockClient'

/**
 * Servers and clients for tests in one process, each torn down after its test: call once at the
 * top of a test file.
 */
export function useInProcessServers() {
  const cleanups: Array<() => unknown> = []
  afterEach(async () => {
    while (cleanups.length > 0) await cleanups.pop()!()
  })

  return {
    /** Runs `cleanup` after the current test, before the servers stop. */
    defer(cleanup: () => unknown): void {
      cleanups.push(cleanup)
    },

    /** A real server on a free port with its database in `dataDir`. */
    async serverOn(dataDir: string, overrides: Partial<ServerConfig> = {}) {
      const server: RunningServer = await startServer({
        ...DEFAULT_CONFIG,
        port: 0,
        host: '127.0.0.1',
        dataDir,
        ...overrides,
      })
      cleanups.push(() => server.close())
      return server
    },

    client(port: number, room: string, options: ConnectOptions = {}): StockClient {
      const c = connectStockClient(port, room, options)
      cleanups.push(() => c.destroy())
      return c
    },

    /** A raw websocket to a room, for sending frames no stock client would send. */
    rawSocket(port: number, room: string, protocols: string[] = []): Promise<WebSocket> {
      const ws = new WebSocket(`ws://127.0.0.1:${port}/ws/${room}`, protocols)
      cleanups.push(() => ws.terminate())
      return new Promise((resolve, reject) => {
        ws.once('open', () => resolve(ws))
        ws.once('error', reject)
      })
    },
  }
}

/** The code and reason a websocket is closed with. */
export function closeOf(ws: WebSocket): Promise<{ code: number; reason: string }> {
  return new Promise((resolve) =>
    ws.once('close', (code, reason) => resolve({ code, reason: reason.toString() })),
  )
}

/** The code and reason the server gave when it closed a stock client for good. */
export function refusalOf(client: StockClient): Promise<{ code: number; reason: string }> {
  return new Promise((resolve) => client.provider.once('closed', (event) => resolve(event)))
}
