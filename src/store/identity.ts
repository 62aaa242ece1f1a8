import { newParticipantId, parseParticipant, type Participant } from '../map'

const STORAGE_KEY = 'pk.identity'

/** The name and role this device used last time, if any. */
export function loadIdentity(): Participant | null {
  try {
    const raw = localStorage.getItem(STORAGE_KEY)
    return raw ? parseParticipant(JSON.parse(raw)) : null
  } catch {
    return null
  }
}

/** Remembers name and role on this device only; nothing else about the person is kept. */
export function saveIdentity(participant: Participant): void {
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(participant))
  } catch {
    // Storage refused (private mode): the person is asked again next time.
  }
}

/** The id this device uses as a participant; stable across maps and visits. */
export function deviceParticipantId(): Participant['id'] {
  return loadIdentity()?.id ?? newParticipantId()
}
