import WebSocket from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import type { DocName } from '../../shared/protocol'

/** A stock y-websocket client in Node, as any third-party peer would connect. */
export interface StockClient {
  doc: Y.Doc
  provider: WebsocketProvider
  destroy(): void
}

export interface ConnectOptions {
  /** Which document of the map: the notes (default), the facilitation state or the trajectory. */
  doc?: DocName
  /** Offered as a subprotocol, as our client does. */
  facilitatorKey?: string
  /** Connect through the read-only viewer link instead of the room id. */
  viewerToken?: string
  /** The trajectory epoch to name (`?epoch=`), as our client does; none is the first. */
  epoch?: number | string
}

/**
 * Connects a stock y-websocket client. `room` is the room id; with `viewerToken` the client goes
 * in through the viewer link instead.
 */
export function connectStockClient(
  port: number,
  room: string,
  options: ConnectOptions = {},
  doc = new Y.Doc(),
): StockClient {
  const base = `ws://127.0.0.1:${port}/ws`
  const id = options.viewerToken ?? room
  const prefix = options.viewerToken ? `${base}/v` : base
  const [serverUrl, roomname] =
    options.doc && options.doc !== 'map' ? [`${prefix}/${id}`, options.doc] : [prefix, id]
  const protocols = options.facilitatorKey ? ['pk.v1', `pk.fk.${options.facilitatorKey}`] : []
  const provider = new WebsocketProvider(serverUrl, roomname, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    protocols,
    params: options.epoch === undefined ? {} : { epoch: String(options.epoch) },
  })
  return {
    doc,
    provider,
    destroy() {
      provider.destroy()
      doc.destroy()
    },
  }
}

/** Resolves once the provider has completed its first sync with the server. */
export function whenSynced(client: StockClient, timeoutMs = 10_000): Promise<void> {
  if (client.provider.synced) return Promise.resolve()
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('client did not sync in time')), timeoutMs)
    const onSync = (synced: boolean): void => {
      if (!synced) return
      clearTimeout(timer)
      client.provider.off('sync', onSync)
      resolve()
    }
    client.provider.on('sync', onSync)
  })
}

/** Polls `check` until it returns true, or fails after `timeoutMs`. */
export async function waitFor(
  check: () => boolean | Promise<boolean>,
  what: string,
  timeoutMs = 10_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
}

/** A random id of the shape the server accepts (144 random bits, base64url). */
export function randomRoomId(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(18))).toString('base64url')
}

export interface CreatedMap {
  roomId: string
  facilitatorKey: string
  viewerToken: string
}

/** Creates a map through the server's API, as the app does. */
export async function createMap(port: number): Promise<CreatedMap> {
  const response = await fetch(`http://127.0.0.1:${port}/api/maps`, { method: 'POST' })
  if (response.status !== 201) throw new Error(`creating a map answered ${response.status}`)
  return (await response.json()) as CreatedMap
}
