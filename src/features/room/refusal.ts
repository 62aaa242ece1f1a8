import { CloseCode, CloseReason } from '../../../shared/protocol'
import type { Refusal } from '../../sync/connectionState'
import type { refusalTexts } from './refusalTexts'

type RefusalText = keyof typeof refusalTexts.nl

/** What a person can do about a refusal: try again, start from the server's copy, or leave. */
export type RefusalAction = 'retry' | 'discard' | 'home'

/** The message and the way out for each way the server can close a connection for good. */
export function explainRefusal(refusal: Refusal): { text: RefusalText; action: RefusalAction } {
  switch (refusal.code) {
    case CloseCode.forbidden:
      return { text: 'refusal.forbidden', action: 'home' }
    case CloseCode.unknownMap:
      return { text: 'refusal.unknownMap', action: 'home' }
    case CloseCode.deleted:
      return { text: 'refusal.deleted', action: 'home' }
    case CloseCode.tooLarge:
      if (refusal.reason === CloseReason.textTooLong)
        return { text: 'refusal.textTooLong', action: 'discard' }
      if (refusal.reason === CloseReason.tooManyNotes) {
        return { text: 'refusal.tooManyNotes', action: 'discard' }
      }
      if (refusal.reason === CloseReason.mapTooBig)
        return { text: 'refusal.mapTooBig', action: 'discard' }
      return { text: 'refusal.tooBig', action: 'discard' }
    case CloseCode.frameTooBig:
      return { text: 'refusal.tooBig', action: 'discard' }
    case CloseCode.tooMany:
      if (refusal.reason === CloseReason.serverFull)
        return { text: 'refusal.serverFull', action: 'retry' }
      if (refusal.reason === CloseReason.writeQuota)
        return { text: 'refusal.writeQuota', action: 'retry' }
      return { text: 'refusal.tooManyMessages', action: 'retry' }
    case CloseCode.malformed:
      return { text: 'refusal.malformed', action: 'discard' }
    default:
      return { text: 'refusal.other', action: 'retry' }
  }
}
