import { describe, expect, it } from 'vitest'
import { deriveConnection, type ConnectionSignals } from './connectionState'

const base: ConnectionSignals = {
  online: true,
  socket: 'connecting',
  synced: false,
  everConnected: false,
  unsynced: false,
  refusedReason: null,
}

describe('connection state', () => {
  it('is connecting at first and connected once synced', () => {
    expect(deriveConnection(base).status).toBe('connecting')
    expect(deriveConnection({ ...base, socket: 'connected' }).status).toBe('connecting')
    expect(deriveConnection({ ...base, socket: 'connected', synced: true }).status).toBe(
      'connected',
    )
  })

  it('says reconnecting after a lost connection, and keeps unsynced work visible', () => {
    const lost = { ...base, socket: 'disconnected' as const, everConnected: true, unsynced: true }
    expect(deriveConnection(lost)).toMatchObject({ status: 'reconnecting', unsynced: true })
    expect(deriveConnection({ ...lost, online: false })).toMatchObject({
      status: 'offline',
      unsynced: true,
    })
  })

  it('reports a refusal by the server above everything else', () => {
    expect(
      deriveConnection({ ...base, socket: 'connected', synced: true, refusedReason: 'too big' }),
    ).toMatchObject({ status: 'refused', refusedReason: 'too big' })
  })
})
