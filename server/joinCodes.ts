import { randomInt } from 'node:crypto'
import { isJoinCode, JOIN_CODE_ALPHABET, JOIN_CODE_LENGTH } from '../shared/protocol.js'
import type { JoinCodeStore } from './storage.js'

/** How long a code works at most; the facilitator closes it sooner by closing joining. */
const JOIN_CODE_LIFETIME_MS = 3 * 60 * 60 * 1000

/**
 * Short join codes. A code is guessable (32^6), so it exists only while the facilitator keeps
 * joining open, expires after a few hours, and look-ups are rate-limited by the API.
 */
export class JoinCodes {
  constructor(private readonly store: JoinCodeStore) {}

  /** Opens joining by code for a room: a fresh code replaces any earlier one. */
  async open(room: string, now = Date.now()): Promise<{ code: string; expiresAt: number }> {
    const expiresAt = now + JOIN_CODE_LIFETIME_MS
    // A code another room holds (rare) is drawn again; a hundred in a row means something is wrong.
    for (let tries = 0; tries < 100; tries++) {
      const code = Array.from(
        { length: JOIN_CODE_LENGTH },
        () => JOIN_CODE_ALPHABET[randomInt(JOIN_CODE_ALPHABET.length)],
      ).join('')
      if (await this.store.putJoinCode(room, code, expiresAt, now)) return { code, expiresAt }
    }
    throw new Error('no free join code')
  }

  /** Closes joining by code; the code stops working at once. */
  close(room: string): Promise<void> {
    return this.store.deleteJoinCode(room)
  }

  /** The room a code opens now, or null. */
  async lookup(code: string, now = Date.now()): Promise<string | null> {
    if (!isJoinCode(code)) return null
    return this.store.roomForJoinCode(code, now)
  }
}
