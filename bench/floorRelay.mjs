// The floor: the least any server can do. A bare websocket relay that forwards every frame it
// gets to the room's other sockets, without decoding, checking or storing anything. No server
// that keeps a document can be faster; the benchmarks measure how close to it the others come.
import http from 'node:http'
import { WebSocketServer } from 'ws'

/** Room name (the URL path) -> its open sockets. */
const rooms = new Map()
const wss = new WebSocketServer({ noServer: true })
const server = http.createServer((_req, res) => res.end('okay'))

wss.on('connection', (ws, req) => {
  const name = req.url ?? '/'
  const room = rooms.get(name) ?? new Set()
  rooms.set(name, room)
  room.add(ws)
  ws.on('message', (data, isBinary) => {
    for (const other of room) if (other !== ws) other.send(data, { binary: isBinary })
  })
  ws.on('close', () => {
    room.delete(ws)
    if (room.size === 0) rooms.delete(name)
  })
})
server.on('upgrade', (req, socket, head) => {
  wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req))
})
server.listen(0, '127.0.0.1', () => {
  console.log(`running at http://127.0.0.1:${server.address().port}/`)
})
