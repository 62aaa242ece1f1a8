// The servers the benchmarks measure side by side, and the clients each one speaks with.
import path from 'node:path'
import { HocuspocusProvider } from '@hocuspocus/provider'
import WebSocket from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { connectRaw, connectRawHocuspocus } from './rawClient.mjs'
import { ourServerArgs, ROOT } from './serverProcess.mjs'

const stockArgs = () => [path.join(ROOT, 'bench/stockServer.mjs')]
export const ALL_BACKENDS = [
  {
    name: 'ours (SQLite log)',
    short: 'ours',
    wsPath: '/ws',
    async createRoom(port) {
      const response = await fetch(`http://127.0.0.1:${port}/api/maps`, { method: 'POST' })
      return (await response.json()).roomId
    },
    // One benchmark client sends a burst faster than any person: the per-connection message
    // limit (there against abuse, 100/s with bursts of 1,000) is raised so it does not end the run.
    args: (dataDir) => [...ourServerArgs(dataDir), '--max-messages-per-second', '1000'],
  },
  {
    name: 'stock @y/websocket-server 0.1.1, memory only',
    short: 'stock',
    wsPath: '',
    createRoom: async () => `bench${Math.random().toString(36).slice(2)}`,
    args: stockArgs,
  },
  {
    name: 'stock @y/websocket-server 0.1.1, LevelDB on',
    short: 'stock+ldb',
    wsPath: '',
    createRoom: async () => `bench${Math.random().toString(36).slice(2)}`,
    args: stockArgs,
    env: (dataDir) => ({ YPERSISTENCE: path.join(dataDir, 'leveldb') }),
  },
  {
    // Stores the whole document 2 s after the last change (at the latest 10 s after the first):
    // durable on a debounce, not per update.
    name: 'Hocuspocus 3.4.4, SQLite extension',
    short: 'hocuspocus',
    hocuspocus: true,
    wsPath: '',
    createRoom: async () => `bench${Math.random().toString(36).slice(2)}`,
    args: (dataDir) => [path.join(ROOT, 'bench/hocuspocusServer.mjs'), dataDir],
  },
  {
    // The least any server can do: frames forwarded undecoded, nothing kept. Latency rows only
    // (its peers never hear a server's sync reply, so stock providers wait for ever).
    name: 'floor: bare relay, no document',
    short: 'floor',
    floor: true,
    wsPath: '',
    createRoom: async () => `bench${Math.random().toString(36).slice(2)}`,
    args: () => [path.join(ROOT, 'bench/floorRelay.mjs')],
  },
]

/** A raw latency client of the kind the backend speaks. */
export function connectRawTo(backend, port, room) {
  return backend.hocuspocus
    ? connectRawHocuspocus(port, room)
    : connectRaw(port, backend.wsPath, room)
}

/** A stock provider for Hocuspocus: its own, as a team using it would. */
export function connectHocuspocus(port, room) {
  const doc = new Y.Doc()
  const provider = new HocuspocusProvider({
    url: `ws://127.0.0.1:${port}`,
    name: room,
    document: doc,
    WebSocketPolyfill: WebSocket,
  })
  const synced = new Promise((resolve) => {
    if (provider.synced) resolve()
    provider.on('synced', () => resolve())
  })
  return { doc, provider, synced }
}

export function connect(port, wsPath, room) {
  const doc = new Y.Doc()
  const provider = new WebsocketProvider(`ws://127.0.0.1:${port}${wsPath}`, room, doc, {
    WebSocketPolyfill: WebSocket,
    disableBc: true,
  })
  const synced = new Promise((resolve) => {
    if (provider.synced) resolve()
    provider.on('sync', (isSynced) => isSynced && resolve())
  })
  return { doc, provider, synced }
}
