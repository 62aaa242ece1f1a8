import { describe, expect, it } from 'vitest'
import { isPermanentClose } from '../../shared/protocol'
import { deriveConnection, type ConnectionSignals } from './connectionState'

const base: ConnectionSignals = {
  online: true,
  socket: 'connecting',
  synced: false,
  everConnected: false,
  unsynced: false,
  refusal: null,
  storageFailed: false,
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
    const refusal = { code: 4413, reason: 'text-too-long' }
    expect(deriveConnection({ ...base, socket: 'connected', synced: true, refusal })).toMatchObject(
      { status: 'refused', refusal },
    )
  })

  it('says the server cannot store while it keeps trying, until a sync succeeds', () => {
    const failing = { ...base, socket: 'disconnected' as const, everConnected: true }
    expect(deriveConnection({ ...failing, storageFailed: true }).status).toBe('storageFailed')
    expect(
      deriveConnection({ ...failing, socket: 'connected', synced: true, storageFailed: true })
        .status,
    ).toBe('connected')
    expect(isPermanentClose(4413)).toBe(true)
    expect(isPermanentClose(1009)).toBe(true)
    expect(isPermanentClose(4507)).toBe(false)
    expect(isPermanentClose(1006)).toBe(false)
  })
})
