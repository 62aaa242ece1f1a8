import { IndexeddbPersistence } from 'y-indexeddb'
import type { Awareness } from 'y-protocols/awareness'
import { WebsocketProvider } from 'y-websocket'
import type { ControlDoc, MapDoc, Participant } from '../map'
import { compareDutch, parseParticipant } from '../map'
import { providerDoc } from '../map/providerDoc'
import {
  CloseCode,
  CONTROL_SEGMENT,
  isPermanentClose,
  subprotocolsFor,
  VIEWER_SEGMENT,
  WS_PATH,
} from '../../shared/protocol'
import { readDeflatedSyncs, readsDeflated } from './deflatedSync'
import {
  deriveConnection,
  type ConnectionSignals,
  type ConnectionState,
  type Refusal,
} from './connectionState'

const BACKOFF_MS = 2_500
const STORAGE_BACKOFF_MS = 30_000

export type ReadyStatus = 'klaar' | 'pas'

/** "Klaar" or "pas" for one step in one ready round; stale answers are ignored by the reader. */
export interface ReadyMark {
  readonly round: number
  readonly step: number
  readonly status: ReadyStatus
}

/** A participant seen in the room right now, with the Yjs client that carries their presence. */
export interface PresentPerson {
  readonly clientId: number
  readonly participant: Participant
  readonly isMe: boolean
  readonly ready: ReadyMark | null
  /** How many private drafts this person has (never their text). */
  readonly drafts: number
}

function parseReady(value: unknown): ReadyMark | null {
  const mark = value as ReadyMark
  return typeof mark === 'object' &&
    mark !== null &&
    Number.isInteger(mark.round) &&
    Number.isInteger(mark.step) &&
    (mark.status === 'klaar' || mark.status === 'pas')
    ? { round: mark.round, step: mark.step, status: mark.status }
    : null
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
  return `${protocol}//${location.host}${WS_PATH}`
}

/** How this device is let into a map: by its room id (maybe as facilitator), or as a viewer. */
export type RoomAccess =
  | { kind: 'member'; roomId: string; facilitatorKey: string | null }
  | { kind: 'viewer'; viewerToken: string }

/** Where the two documents of a map live on the server, and under which name they are cached. */
function endpoints(access: RoomAccess, base: string) {
  const id = access.kind === 'member' ? access.roomId : access.viewerToken
  const prefix = access.kind === 'member' ? base : `${base}/${VIEWER_SEGMENT}`
  const cacheName = access.kind === 'member' ? id : `view:${id}`
  return {
    map: { serverUrl: prefix, name: id, cache: `partnerschapskaart:${cacheName}` },
    control: {
      serverUrl: `${prefix}/${id}`,
      name: CONTROL_SEGMENT,
      cache: `partnerschapskaart:${cacheName}:control`,
    },
  }
}

/** The facilitator key travels as a subprotocol, so it never shows up in a URL or a log line. */
function protocolsFor(access: RoomAccess): string[] {
  return subprotocolsFor(access.kind === 'member' ? access.facilitatorKey : null, readsDeflated())
}

/**
 * Keeps one map document in sync: with the local cache in IndexedDB (so offline changes survive
 * a reload) and with the server over y-websocket. Reports connection state and presence.
 */
export class RoomConnection {
  private readonly provider: WebsocketProvider
  private readonly cache: IndexeddbPersistence
  private readonly controlProvider: WebsocketProvider
  private readonly controlCache: IndexeddbPersistence
  private readonly awareness: Awareness
  private signals: ConnectionSignals = {
    online: typeof navigator === 'undefined' ? true : navigator.onLine,
    socket: 'connecting',
    synced: false,
    everConnected: false,
    unsynced: false,
    refusal: null,
    storageFailed: false,
  }

  /** The Yjs document behind the map's handle: the providers need it, nothing else here does. */
  private readonly doc

  constructor(
    readonly access: RoomAccess,
    mapDoc: MapDoc,
    controlHandle: ControlDoc,
    private readonly events: RoomConnectionEvents,
    serverUrl = websocketBase(window.location),
  ) {
    const doc = providerDoc(mapDoc)
    const controlDoc = providerDoc(controlHandle)
    this.doc = doc
    const where = endpoints(access, serverUrl)
    const protocols = protocolsFor(access)
    this.cache = new IndexeddbPersistence(where.map.cache, doc)
    this.cache.on('synced', () => events.onLocalLoaded())
    const options = {
      protocols,
      maxBackoffTime: BACKOFF_MS,
      shouldReconnect: (event: CloseEvent) => !isPermanentClose(event.code),
    }
    this.provider = new WebsocketProvider(where.map.serverUrl, where.map.name, doc, options)
    this.controlCache = new IndexeddbPersistence(where.control.cache, controlDoc)
    this.controlProvider = new WebsocketProvider(
      where.control.serverUrl,
      where.control.name,
      controlDoc,
      options,
    )
    for (const provider of [this.provider, this.controlProvider]) {
      readDeflatedSyncs(provider)
      provider.on('closed', (event) => this.onRefused(event))
      provider.on('connection-close', (event) => {
        if (event?.code !== CloseCode.storageFailed) return
        // The server could not store an update. Keep trying, but gently: a full disk is not
        // fixed in seconds.
        provider.maxBackoffTime = STORAGE_BACKOFF_MS
        this.update({ storageFailed: true })
      })
      provider.on('sync', (synced) => {
        if (synced) provider.maxBackoffTime = BACKOFF_MS
      })
    }
    this.awareness = this.provider.awareness
    this.provider.on('status', ({ status }) => {
      this.update({
        socket: status,
        everConnected: this.signals.everConnected || status === 'connected',
      })
    })
    this.provider.on('sync', (synced) => {
      this.update(synced ? { synced, unsynced: false, storageFailed: false } : { synced })
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

  /** Tells the room this person is done with (or passes on) a step. */
  setReady(mark: ReadyMark | null): void {
    this.awareness.setLocalStateField('ready', mark)
  }

  /** Tells the room how many private drafts this person has; the drafts stay on this device. */
  setDraftCount(count: number): void {
    this.awareness.setLocalStateField('drafts', count)
  }

  /** Resolves once the map document has synced with the server (at once when it has). */
  whenSynced(): Promise<void> {
    if (this.provider.synced) return Promise.resolve()
    return new Promise((resolve) => {
      const onSync = (synced: boolean): void => {
        if (!synced) return
        this.provider.off('sync', onSync)
        resolve()
      }
      this.provider.on('sync', onSync)
    })
  }

  /** Tries again after a refusal that may pass (a full server, too many messages). */
  reconnect(): void {
    this.update({ refusal: null })
    this.provider.connect()
    this.controlProvider.connect()
  }

  /**
   * Forgets this device's copy of the map (its IndexedDB cache), for when the server refuses
   * what this copy holds. Changes not yet shared from this device are lost; the caller reloads.
   */
  async discardLocalCopy(): Promise<void> {
    this.provider.disconnect()
    this.controlProvider.disconnect()
    await Promise.all([this.cache.clearData(), this.controlCache.clearData()])
  }

  private onRefused(event: Refusal): void {
    if (this.signals.refusal) return
    this.update({ refusal: { code: event.code, reason: event.reason } })
    if (event.code === CloseCode.deleted) {
      // Deleted for everyone means deleted here too: no copy of the notes stays on this device.
      this.provider.disconnect()
      this.controlProvider.disconnect()
      void this.cache.clearData()
      void this.controlCache.clearData()
    }
  }

  destroy(): void {
    window.removeEventListener('online', this.onOnline)
    window.removeEventListener('offline', this.onOffline)
    this.doc.off('update', this.onDocUpdate)
    this.awareness.off('change', this.onAwarenessChange)
    this.provider.destroy()
    this.controlProvider.destroy()
    void this.cache.destroy()
    void this.controlCache.destroy()
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
      const fields = state as { participant?: unknown; ready?: unknown; drafts?: unknown }
      const participant = parseParticipant(fields.participant)
      if (!participant) return
      const drafts =
        typeof fields.drafts === 'number' && Number.isInteger(fields.drafts) && fields.drafts >= 0
          ? Math.min(fields.drafts, 999)
          : 0
      people.push({
        clientId,
        participant,
        isMe: clientId === me,
        ready: parseReady(fields.ready),
        drafts,
      })
    })
    people.sort((a, b) => compareDutch(a.participant.name, b.participant.name))
    this.events.onPresence(people)
  }

  private readonly onOnline = (): void => {
    this.update({ online: true })
    // A laptop waking up: do not wait for the backoff timer.
    if (this.signals.socket !== 'connected') this.provider.connect()
    if (!this.controlProvider.wsconnected) this.controlProvider.connect()
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
