import {
  newParticipantId,
  type MapDetails,
  type MapFile,
  type Participant,
  type ParticipantId,
} from '../map'
import {
  currentFragment,
  currentRoute,
  dropFragment,
  joinCodePath,
  navigate,
  roomPath,
  secretsFromHash,
} from '../routing/router'
import { rememberSecrets, secretsFor } from '../sync/mapSecrets'
import { lookupJoinCode, requestDeleteMap, requestNewMap } from '../sync/serverApi'
import { deviceParticipantId, loadIdentity, saveIdentity } from './identity'
import { forgetMap, loadRecentMaps } from './recentMaps'
import type { StoreContext } from './state'

/** What a new map starts with. */
export type NewMapContent =
  { kind: 'blank'; details: MapDetails } | { kind: 'example' } | { kind: 'file'; file: MapFile }

/** Why a join code did not lead to a map. */
export type JoinCodeProblem = 'unknown' | 'too-many-tries' | 'failed'

/**
 * Everything with an effect outside the map: asking the server, keeping keys and the recent
 * list on this device, and going to another page.
 */
export interface LifecycleActions {
  /**
   * Asks the server for a new map, keeps its keys on this device (which becomes its
   * facilitator), fills it and goes there; false when the server could not make one.
   */
  startMap(content: NewMapContent): Promise<boolean>
  /**
   * Opens the map of a room page: keys from a co-facilitation link are kept and dropped from
   * the address first. True when this device facilitates it.
   */
  enterRoom(roomId: string): boolean
  /** Deletes the open map for good on the server; false when that failed or is not allowed. */
  deleteMap(): Promise<boolean>
  /** Finds the map a join code opens and goes there; says why not otherwise. */
  followJoinCode(code: string): Promise<JoinCodeProblem | null>
  /** Goes to the page of a typed join code; spaces and dashes people type are left out. */
  goToJoinCode(typed: string): void
  /** Reads the list of maps opened on this device again (another tab may have changed it). */
  refreshRecentMaps(): void
  /** Takes a map off this device's list. */
  forgetRecentMap(roomId: string): void
  /** Keeps name and role on this device for next time; the id stays this device's own. */
  rememberIdentity(details: Omit<Participant, 'id'>, id?: ParticipantId): Participant
}

/** The lifecycle actions; each keeps storage and the store's mirror of it in step. */
export function lifecycleActions(ctx: StoreContext): LifecycleActions {
  const { set, get } = ctx

  function fill(content: NewMapContent): void {
    const room = get()
    if (content.kind === 'blank') room.createMap(content.details)
    else if (content.kind === 'example') void room.fillExampleMap()
    else {
      // Anonymous notes need no author; the importer's identity stands in only for validation.
      const importer = loadIdentity() ?? {
        id: newParticipantId(),
        name: 'import',
        role: 'anders' as const,
        roleLabel: 'import',
        side: 'informal' as const,
      }
      void room.importMapFile(content.file, importer)
    }
  }

  return {
    async startMap(content) {
      try {
        const { roomId, facilitatorKey, viewerToken } = await requestNewMap()
        rememberSecrets(roomId, { facilitatorKey, viewerToken })
        get().openRoom({ kind: 'member', roomId, facilitatorKey }, loadIdentity())
        fill(content)
        navigate(roomPath(roomId))
        return true
      } catch {
        return false
      }
    },

    enterRoom(roomId) {
      // A co-facilitation link carries the key in the fragment: keep it on this device, then
      // drop it from the address bar so it is not shared by accident.
      const fromLink = secretsFromHash(currentFragment())
      if (fromLink) {
        rememberSecrets(roomId, fromLink)
        dropFragment()
      }
      const facilitatorKey = secretsFor(roomId)?.facilitatorKey ?? null
      // Opening the same room again is a no-op; App closes it when the route leaves the room.
      get().openRoom({ kind: 'member', roomId, facilitatorKey }, loadIdentity())
      return facilitatorKey !== null
    },

    async deleteMap() {
      const { roomId, secrets } = get()
      if (!roomId || !secrets) return false
      try {
        await requestDeleteMap(roomId, secrets.facilitatorKey)
        // The server now closes every connection with "deleted"; the session takes it from there.
        return true
      } catch {
        return false
      }
    },

    async followJoinCode(code) {
      try {
        const roomId = await lookupJoinCode(code)
        if (!roomId) return 'unknown'
        // Whoever left the page meanwhile is not taken anywhere.
        const route = currentRoute()
        if (route.name === 'joinCode' && route.code === code) navigate(roomPath(roomId), true)
        return null
      } catch (error) {
        return error instanceof Error && error.message === 'too-many-tries'
          ? 'too-many-tries'
          : 'failed'
      }
    },

    goToJoinCode(typed) {
      const clean = typed.replace(/[^A-Za-z0-9]/g, '').toUpperCase()
      if (clean) navigate(joinCodePath(clean))
    },

    refreshRecentMaps() {
      set({ recentMaps: loadRecentMaps() })
    },

    forgetRecentMap(roomId) {
      forgetMap(roomId)
      set({ recentMaps: loadRecentMaps() })
    },

    rememberIdentity(details, id) {
      const participant: Participant = { ...details, id: id ?? deviceParticipantId() }
      saveIdentity(participant)
      return participant
    },
  }
}
