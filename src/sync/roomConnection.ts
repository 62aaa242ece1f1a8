import { IndexeddbPersistence } from 'y-indexeddb'
import type { Awareness } from 'y-protocols/awareness'
import { WebsocketProvider } from 'y-websocket'
import type { MapDoc, Participant } from '../map'
import { parseParticipant } from '../map'
import { deriveConnection, type ConnectionSignals, type ConnectionState } from './connectionState'

/** A participant seen in the room right now, with the Yjs client that carries their presence. */
export interface PresentPerson {
  readonly clientId: number
  readonly participant: Participant
  readonly isMe: boolean
}

export interface RoomConnectionEvents {
  onConnection(state: ConnectionState): void
  onPresence(people: readonly PresentPerson[]): void
  /** Called once the local cache (IndexedDB) has been read into the document. */
  onLocalLoaded(): void
}

/** The websocket endpoint on the server that served this page. */
export function websocketBase(location: Location): string {
  const protocol = location.protocol === 'https:' ? 'wss:' : 'ws:'
  return `${protocol}//${location.host}/ws`
}

/**
 * Keeps one map document in sync: with the local cache in IndexedDB (so offline changes survive
 * a reload) and with the server over y-websocket. Reports connection state and presence.
 */
export class RoomConnection {
  private readonly provider: WebsocketProvider
  private readonly cache: IndexeddbPersistence
  private readonly awareness: Awareness
  private signals: ConnectionSignals = {
    online: typeof navigator === 'undefined' ? true : navigator.onLine,
    socket: 'connecting',
    synced: false,
    everConnected: false,
    unsynced: false,
    refusedReason: null,
  }

  constructor(
    readonly roomId: string,
    private readonly doc: MapDoc,
    private readonly events: RoomConnectionEvents,
    serverUrl = websocketBase(window.location),
  ) {
    this.cache = new IndexeddbPersistence(`partnerschapskaart:${roomId}`, doc)
    this.cache.on('synced', () => events.onLocalLoaded())
    this.provider = new WebsocketProvider(serverUrl, roomId, doc)
    this.awareness = this.provider.awareness
    this.provider.on('status', ({ status }) => {
      this.update({
        socket: status,
        everConnected: this.signals.everConnected || status === 'connected',
      })
    })
    this.provider.on('sync', (synced) => {
      this.update(synced ? { synced, unsynced: false } : { synced })
    })
    this.provider.on('closed', (event) => {
      this.update({ refusedReason: event.reason || String(event.code) })
    })
    doc.on('update', this.onDocUpdate)
    this.awareness.on('change', this.onAwarenessChange)
    window.addEventListener('online', this.onOnline)
    window.addEventListener('offline', this.onOffline)
    this.emitConnection()
  }

  /** Shows this person to the others in the room. */
  announce(participant: Participant): void {
    this.awareness.setLocalStateField('participant', { ...participant })
  }

  destroy(): void {
    window.removeEventListener('online', this.onOnline)
    window.removeEventListener('offline', this.onOffline)
    this.doc.off('update', this.onDocUpdate)
    this.awareness.off('change', this.onAwarenessChange)
    this.provider.destroy()
    void this.cache.destroy()
  }

  private readonly onDocUpdate = (_update: Uint8Array, origin: unknown): void => {
    // Changes from the server or the cache are not ours to share; our own count while not live.
    if (origin === this.provider || origin === this.cache) return
    if (this.signals.socket !== 'connected' || !this.signals.synced) this.update({ unsynced: true })
  }

  private readonly onAwarenessChange = (): void => {
    const people: PresentPerson[] = []
    const me = this.awareness.clientID
    this.awareness.getStates().forEach((state, clientId) => {
      const participant = parseParticipant((state as { participant?: unknown }).participant)
      if (participant) people.push({ clientId, participant, isMe: clientId === me })
    })
    people.sort((a, b) => a.participant.name.localeCompare(b.participant.name, 'nl'))
    this.events.onPresence(people)
  }

  private readonly onOnline = (): void => {
    this.update({ online: true })
    // A laptop waking up: do not wait for the backoff timer.
    if (this.signals.socket !== 'connected') this.provider.connect()
  }

  private readonly onOffline = (): void => this.update({ online: false })

  private update(change: Partial<ConnectionSignals>): void {
    this.signals = { ...this.signals, ...change }
    this.emitConnection()
  }

  private emitConnection(): void {
    this.events.onConnection(deriveConnection(this.signals))
  }
}
