import type { RelayMessage } from './relay.js'

/** Something a room can send bytes to: one websocket connection. */
export interface Peer {
  send(message: Uint8Array): void
  /** Writes messages framed already (`binaryFrames`) in one write: framed once for all peers. */
  sendFrames(frames: Uint8Array): void
  /** Closes the peer's connection with a code and reason (the map was deleted, say). */
  end(code: number, reason: string): void
  /** Its updates could not be stored: the connection is closed with 4507 and it retries later. */
  storageFailed(): void
}

/** How a room reaches the other servers holding the same document, when there are any. */
export type RoomRelay = (message: RelayMessage) => void
