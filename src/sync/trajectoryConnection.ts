/**
 * The trajectory document's own connection: opened while someone looks at the trajectory, not
 * with the map. It keeps no offline copy: only facilitators write it, at the table, online; and
 * a trajectory deleted for good must not come back from a device's cache.
 */
import { WebsocketProvider } from 'y-websocket'
import {
  CloseCode,
  CloseReason,
  isPermanentClose,
  subprotocolsFor,
  TRAJECTORY_SEGMENT,
} from '../../shared/protocol'
import type { TrajectoryDoc } from '../map/doc'
import { providerDoc } from '../map/providerDoc'
import { websocketBase } from './roomConnection'

export type TrajectoryStatus = 'connecting' | 'connected' | 'offline' | 'deleted' | 'refused'

export class TrajectoryConnection {
  private readonly provider: WebsocketProvider

  constructor(
    roomId: string,
    facilitatorKey: string | null,
    doc: TrajectoryDoc,
    onStatus: (status: TrajectoryStatus) => void,
    serverUrl = websocketBase(window.location),
  ) {
    this.provider = new WebsocketProvider(
      `${serverUrl}/${roomId}`,
      TRAJECTORY_SEGMENT,
      providerDoc(doc),
      {
        protocols: subprotocolsFor(facilitatorKey),
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
