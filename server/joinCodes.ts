import { randomInt } from 'node:crypto'
import type Database from 'better-sqlite3'

/** Letters and digits that cannot be mistaken for each other when read off a projector. */
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'
export const JOIN_CODE_LENGTH = 6
const JOIN_CODE = new RegExp(`^[${ALPHABET}]{${JOIN_CODE_LENGTH}}$`)

/** How long a code works at most; the facilitator closes it sooner by closing joining. */
export const JOIN_CODE_LIFETIME_MS = 3 * 60 * 60 * 1000

export function isJoinCode(value: string): boolean {
  return JOIN_CODE.test(value)
}

/**
 * Short join codes. A code is guessable (32^6), so it exists only while the facilitator keeps
 * joining open, expires after a few hours, and look-ups are rate-limited by the API.
 */
export class JoinCodes {
  private readonly insertStmt: Database.Statement<[string, string, number]>
  private readonly deleteForRoomStmt: Database.Statement<[string]>
  private readonly lookupStmt: Database.Statement<[string, number], { room: string }>
  private readonly purgeStmt: Database.Statement<[number]>

  constructor(db: Database.Database) {
    this.insertStmt = db.prepare('INSERT INTO join_codes (code, room, expires_at) VALUES (?, ?, ?)')
    this.deleteForRoomStmt = db.prepare('DELETE FROM join_codes WHERE room = ?')
    this.lookupStmt = db.prepare('SELECT room FROM join_codes WHERE code = ? AND expires_at > ?')
    this.purgeStmt = db.prepare('DELETE FROM join_codes WHERE expires_at <= ?')
  }

  /** Opens joining by code for a room: a fresh code replaces any earlier one. */
  open(room: string, now = Date.now()): { code: string; expiresAt: number } {
    this.purgeStmt.run(now)
    this.deleteForRoomStmt.run(room)
    const expiresAt = now + JOIN_CODE_LIFETIME_MS
    for (;;) {
      const code = Array.from({ length: JOIN_CODE_LENGTH }, () => ALPHABET[randomInt(32)]).join('')
      try {
        this.insertStmt.run(code, room, expiresAt)
        return { code, expiresAt }
      } catch {
        // Taken by another room (rare): draw again.
      }
    }
  }

  /** Closes joining by code; the code stops working at once. */
  close(room: string): void {
    this.deleteForRoomStmt.run(room)
  }

  /** The room a code opens now, or null. */
  lookup(code: string, now = Date.now()): string | null {
    if (!isJoinCode(code)) return null
    return this.lookupStmt.get(code, now)?.room ?? null
  }
}
