import type { ServerConfig } from './config.js'
import { AccessStore } from './access.js'
import { createAdmission } from './admission.js'
import { createApi } from './api.js'
import type { Connection } from './connection.js'
import { JoinCodes } from './joinCodes.js'
import { connectRelay, Lifecycle, openStorage } from './lifecycle.js'
import { MapDeletion } from './maps.js'
import { CardVersions } from './versions.js'
import { createOperations } from './operations.js'
import { RateLimiter } from './rateLimit.js'
import { RoomRegistry } from './rooms.js'
import { createAppServer, createMetricsServer } from './routes.js'
import { createStaticHandler } from './static.js'
import type { Storage } from './storage.js'

export interface RunningServer {
  port: number
  /** The address people open in a browser. */
  url: string
  /** The port of the separate /metrics and /health listener, when configured. */
  metricsPort: number | null
  /**
   * Stops: answers /health with 503 "draining" while it closes every connection (1012), then
   * stops listening, compacts and unloads rooms, and closes the database.
   */
  close(): Promise<void>
  readonly rooms: RoomRegistry
  readonly access: AccessStore
  readonly storage: Storage
}

/**
 * Starts the server from its parts (storage and relay, rooms, the HTTP routes, websocket
 * admission, the lifecycle); resolves once it listens, with every part ready to be used.
 */
export async function startServer(config: ServerConfig): Promise<RunningServer> {
  const storage = await openStorage(config)
  const relay = await connectRelay(config, storage)
  const access = new AccessStore(storage)
  const joinCodes = new JoinCodes(storage)
  const rooms = new RoomRegistry(
    storage,
    {
      idleMs: config.idleRoomMs,
      compactAfterUpdates: config.compactAfterUpdates,
      maxRooms: config.maxRooms,
      limits: {
        maxTextChars: config.maxNoteChars,
        maxNotes: config.maxNotes,
        maxDocBytes: config.maxMapBytes,
      },
    },
    relay,
  )
  const deletion = new MapDeletion(storage, rooms, relay)
  const versions = new CardVersions(storage, config.maxMapBytes, (roomId, bytes) =>
    rooms.versionSaved(roomId, bytes),
  )
  const connections = new Set<Connection>()
  const lifecycle = new Lifecycle({ config, connections, rooms, deletion, relay, storage })
  const operations = createOperations({
    storage,
    relay,
    rooms,
    connections: () => connections.size,
    draining: () => lifecycle.closing,
  })

  const app = createAppServer({
    operations,
    api: createApi(access, joinCodes, deletion, versions, {
      trustProxy: config.trustProxy,
      mapsPerHour: config.maxMapsPerHour,
    }),
    serveStatic: config.clientDir
      ? createStaticHandler(config.clientDir, { sourceMaps: config.serveSourceMaps })
      : null,
    metricsToken: config.metricsToken,
  })
  createAdmission({
    access,
    rooms,
    connectionLimits: {
      messagesPerSecond: config.maxMessagesPerSecond,
      messageBurst: config.maxMessagesPerSecond * 10,
      maxPresenceBytes: config.maxPresenceBytes,
      writeQuota: new RateLimiter(config.maxWriteBytesPerHour, 60 * 60_000),
    },
    maxFrameBytes: config.maxFrameBytes,
    maxConnectionsPerAddress: config.maxConnectionsPerAddress,
    trustProxy: config.trustProxy,
    connections,
    closing: () => lifecycle.closing,
  }).attach(app)
  const metrics = config.metricsPort > 0 ? createMetricsServer(operations) : null

  const { port, metricsPort } = await lifecycle.start(app, metrics)
  const shownHost = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host
  return {
    port,
    url: `http://${shownHost}:${port}/`,
    metricsPort,
    rooms,
    access,
    storage,
    close: () => lifecycle.close(),
  }
}
