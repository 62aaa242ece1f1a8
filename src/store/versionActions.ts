import type { CardVersionInfo } from '../../shared/protocol'
import type { VersionRefusal } from '../sync/versionsApi'
import type { StoreContext } from './state'

export type { CardVersionInfo } from '../../shared/protocol'
export type { VersionRefusal } from '../sync/versionsApi'

/** Saved versions of the open map, on the server; their calls load when first used. */
export interface VersionActions {
  listVersions(): Promise<CardVersionInfo[]>
  /** Only the facilitator saves; anyone else is told 'server' without asking. */
  saveVersion(label: string): Promise<CardVersionInfo | VersionRefusal>
  loadVersion(number: number): Promise<{ map: Uint8Array; control: Uint8Array }>
}

const api = () => import('../sync/versionsApi')

export function versionActions(ctx: StoreContext): VersionActions {
  const room = () => {
    const { roomId } = ctx.get()
    if (!roomId) throw new Error('no map open')
    return roomId
  }
  return {
    async listVersions() {
      return (await api()).listVersions(room())
    },
    async saveVersion(label) {
      const key = ctx.get().secrets?.facilitatorKey
      if (!key || ctx.get().level !== 'facilitator') return 'server'
      return (await api()).saveVersion(room(), key, label).catch(() => 'server' as const)
    },
    async loadVersion(number) {
      return (await api()).loadVersion(room(), number)
    },
  }
}
