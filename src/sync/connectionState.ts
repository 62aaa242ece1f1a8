/** What a person sees of their own connection. */
export type ConnectionStatus =
  | 'connecting'
  | 'connected'
  | 'reconnecting'
  | 'offline'
  /** The server cannot store anything just now; edits wait on this device and it keeps trying. */
  | 'storageFailed'
  | 'refused'

/** Why the server closed this connection for good: its close code and reason. */
export interface Refusal {
  readonly code: number
  readonly reason: string
}

export interface ConnectionState {
  readonly status: ConnectionStatus
  /** Local changes the server has not received yet (made while not connected). */
  readonly unsynced: boolean
  /** Set when the server refused us for good (a 4400-range close, or a frame too big). */
  readonly refusal: Refusal | null
}

export const INITIAL_CONNECTION: ConnectionState = {
  status: 'connecting',
  unsynced: false,
  refusal: null,
}

export interface ConnectionSignals {
  online: boolean
  socket: 'connected' | 'connecting' | 'disconnected'
  synced: boolean
  everConnected: boolean
  unsynced: boolean
  refusal: Refusal | null
  /** The last close was the server saying it could not store an update (4507). */
  storageFailed: boolean
}

/** Derives what to show from the raw signals; pure, so the rules are unit-tested. */
export function deriveConnection(signals: ConnectionSignals): ConnectionState {
  const base = { unsynced: signals.unsynced, refusal: signals.refusal }
  if (signals.refusal !== null) return { ...base, status: 'refused' }
  if (!signals.online) return { ...base, status: 'offline' }
  if (signals.socket === 'connected' && signals.synced) return { ...base, status: 'connected' }
  if (signals.storageFailed) return { ...base, status: 'storageFailed' }
  return { ...base, status: signals.everConnected ? 'reconnecting' : 'connecting' }
}
