/**
 * The trajectory document's own connection: opened while someone looks at the trajectory, not
 * with the map. It keeps no offline copy: only facilitators write it, at the table, online; and
 * a trajectory deleted for good must not come back from a device's cache.
 */
import { WebsocketProvider } from 'y-websocket'
import {
  ApiPath,
  CloseCode,
  CloseReason,
  isPermanentClose,
  subprotocolsFor,
  TRAJECTORY_EPOCH_PARAM,
  TRAJECTORY_SEGMENT,
  VIEWER_SEGMENT,
} from '../../shared/protocol'
import type { TrajectoryDoc } from '../map/doc'
import { providerDoc } from '../map/providerDoc'
import { websocketBase } from './roomConnection'

export type TrajectoryStatus = 'connecting' | 'connected' | 'offline' | 'deleted' | 'refused'

/**
 * How many times the map's trajectory was deleted, from the server: a connection names it, and
 * is closed as deleted once it no longer holds (a device that was away must not bring a deleted
 * trajectory back).
 */
export async function trajectoryEpoch(roomId: string): Promise<number> {
  const response = await fetch(ApiPath.trajectory(roomId), { cache: 'no-store' })
  if (!response.ok) throw new Error(`trajectory ${response.status}`)
  const { epoch } = (await response.json()) as { epoch?: unknown }
  if (typeof epoch !== 'number' || !Number.isSafeInteger(epoch) || epoch < 0)
    throw new Error('trajectory epoch')
  return epoch
}

/** Whose trajectory: a map's, by its id (at an epoch), or the big screen's, by its viewer token. */
export type TrajectoryTarget =
  | { readonly roomId: string; readonly epoch: number; readonly facilitatorKey: string | null }
  | { readonly viewerToken: string }

export class TrajectoryConnection {
  private readonly provider: WebsocketProvider

  constructor(
    target: TrajectoryTarget,
    doc: TrajectoryDoc,
    onStatus: (status: TrajectoryStatus) => void,
    serverUrl = websocketBase(window.location),
  ) {
    const member = 'roomId' in target
    this.provider = new WebsocketProvider(
      member
        ? `${serverUrl}/${target.roomId}`
        : `${serverUrl}/${VIEWER_SEGMENT}/${target.viewerToken}`,
      TRAJECTORY_SEGMENT,
      providerDoc(doc),
      {
        protocols: subprotocolsFor(member ? target.facilitatorKey : null),
        params: member ? { [TRAJECTORY_EPOCH_PARAM]: String(target.epoch) } : {},
        maxBackoffTime: 2_500,
        shouldReconnect: (event: CloseEvent) => !isPermanentClose(event.code),
      },
    )
    // Presence is the map's: nobody is shown twice.
    this.provider.awareness.setLocalState(null)
    this.provider.on('status', ({ status }) => {
      if (status === 'connected') return
      onStatus(status === 'connecting' ? 'connecting' : 'offline')
    })
    this.provider.on('sync', (synced) => {
      if (synced) onStatus('connected')
    })
    this.provider.on('closed', (event) => {
      const deleted =
        event.code === CloseCode.deleted && event.reason === CloseReason.trajectoryDeleted
      onStatus(deleted ? 'deleted' : 'refused')
    })
  }

  destroy(): void {
    this.provider.destroy()
  }
}
