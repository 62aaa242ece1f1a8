/** What a person sees of their own connection. */
export type ConnectionStatus = 'connecting' | 'connected' | 'reconnecting' | 'offline' | 'refused'

export interface ConnectionState {
  readonly status: ConnectionStatus
  /** Local changes the server has not received yet (made while not connected). */
  readonly unsynced: boolean
  /** The close code when the server refused us for good (4400-range codes), as text. */
  readonly refusedReason: string | null
}

export const INITIAL_CONNECTION: ConnectionState = {
  status: 'connecting',
  unsynced: false,
  refusedReason: null,
}

export interface ConnectionSignals {
  online: boolean
  socket: 'connected' | 'connecting' | 'disconnected'
  synced: boolean
  everConnected: boolean
  unsynced: boolean
  refusedReason: string | null
}

/** Derives what to show from the raw signals; pure, so the rules are unit-tested. */
export function deriveConnection(signals: ConnectionSignals): ConnectionState {
  const base = { unsynced: signals.unsynced, refusedReason: signals.refusedReason }
  if (signals.refusedReason !== null) return { ...base, status: 'refused' }
  if (!signals.online) return { ...base, status: 'offline' }
  if (signals.socket === 'connected' && signals.synced) return { ...base, status: 'connected' }
  return { ...base, status: signals.everConnected ? 'reconnecting' : 'connecting' }
}
