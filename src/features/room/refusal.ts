import type { TextKey } from '../../i18n'
import type { Refusal } from '../../sync/connectionState'

/** What a person can do about a refusal: try again, start from the server's copy, or leave. */
export type RefusalAction = 'retry' | 'discard' | 'home'

/** The message and the way out for each way the server can close a connection for good. */
export function explainRefusal(refusal: Refusal): { text: TextKey; action: RefusalAction } {
  switch (refusal.code) {
    case 4403:
      return { text: 'error.forbidden', action: 'home' }
    case 4404:
      return { text: 'error.unknownMap', action: 'home' }
    case 4410:
      return { text: 'refusal.deleted', action: 'home' }
    case 4413:
      if (refusal.reason === 'text-too-long')
        return { text: 'refusal.textTooLong', action: 'discard' }
      if (refusal.reason === 'too-many-notes') {
        return { text: 'refusal.tooManyNotes', action: 'discard' }
      }
      if (refusal.reason === 'map-too-big') return { text: 'refusal.mapTooBig', action: 'discard' }
      return { text: 'refusal.tooBig', action: 'discard' }
    case 1009:
      return { text: 'refusal.tooBig', action: 'discard' }
    case 4429:
      if (refusal.reason === 'server-full') return { text: 'refusal.serverFull', action: 'retry' }
      if (refusal.reason === 'write-quota') return { text: 'refusal.writeQuota', action: 'retry' }
      return { text: 'refusal.tooManyMessages', action: 'retry' }
    case 4400:
      return { text: 'refusal.malformed', action: 'discard' }
    default:
      return { text: 'refusal.other', action: 'retry' }
  }
}
