import type { NoteId, ParticipantId } from './schema'

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'

/** `bytes` random bytes from the platform's CSPRNG as base64url (no padding). */
export function randomId(bytes: number): string {
  const random = crypto.getRandomValues(new Uint8Array(bytes))
  let out = ''
  let buffer = 0
  let bits = 0
  for (const byte of random) {
    buffer = (buffer << 8) | byte
    bits += 8
    while (bits >= 6) {
      bits -= 6
      out += ALPHABET[(buffer >> bits) & 63]
    }
  }
  if (bits > 0) out += ALPHABET[(buffer << (6 - bits)) & 63]
  return out
}

/** A room id: 144 random bits (24 characters), far past guessing. */
export function newRoomId(): string {
  return randomId(18)
}

/** A note id: 96 random bits, unique without coordination between peers. */
export function newNoteId(): NoteId {
  return randomId(12) as NoteId
}

export function newParticipantId(): ParticipantId {
  return randomId(12) as ParticipantId
}
