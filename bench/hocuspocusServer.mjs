// Hocuspocus 3.4 with its SQLite extension, the server a team would most likely pick instead of
// ours: set up as its documentation shows, with its own defaults (a document is stored 2 s after
// the last change, at the latest 10 s after the first), on a free port it prints.
// Usage: node bench/hocuspocusServer.mjs <data folder>
import path from 'node:path'
import { SQLite } from '@hocuspocus/extension-sqlite'
import { Server } from '@hocuspocus/server'

const dataDir = process.argv[2] ?? '.'
const server = new Server({
  port: 0,
  address: '127.0.0.1',
  quiet: true,
  stopOnSignals: false,
  extensions: [new SQLite({ database: path.join(dataDir, 'hocuspocus.sqlite') })],
})
await server.listen()
console.log(`running at http://127.0.0.1:${server.address.port}/`)
