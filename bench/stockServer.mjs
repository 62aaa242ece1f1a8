// The stock Yjs websocket backend (@y/websocket-server), started the way its own bin does, but on
// a free port that it prints, so the benchmark can run it side by side with ours.
import http from 'node:http'
import { setupWSConnection } from '@y/websocket-server/utils'
import { WebSocketServer } from 'ws'

const wss = new WebSocketServer({ noServer: true })
const server = http.createServer((_req, res) => res.end('okay'))
wss.on('connection', setupWSConnection)
server.on('upgrade', (req, socket, head) => {
  wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req))
})
server.listen(0, '127.0.0.1', () => {
  console.log(`running at http://127.0.0.1:${server.address().port}/`)
})
