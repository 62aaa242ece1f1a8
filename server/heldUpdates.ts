import type * as Y from 'yjs'
import { decodeWellFormedUpdate } from './protocol.js'
import { DependencyError } from './shape.js'

type Decoded = ReturnType<typeof Y.decodeUpdate>

/** Updates one connection may have waiting, and their bytes. */
const MAX_HELD_UPDATES = 64
const MAX_HELD_BYTES = 1024 * 1024
/** How long an update may wait; a catch-up comes within a round trip. */
const MAX_HELD_MS = 30_000
/** How often waiting updates are tried again: what they need may come over another connection. */
const RETRY_MS = 2_000

/**
 * One connection's updates that build on edits the server does not have yet (DependencyError):
 * a reconnecting client sends its newest edits before the catch-up they build on. They are kept
 * as sent (a decoded update takes many times its bytes) and given to the room again after each
 * update it takes, and every two seconds. Past 64 updates, 1 MiB or 30 s the connection gives up
 * on them (`giveUp`): the client reconnects and sends everything in one catch-up.
 */
export class HeldUpdates {
  private held: Uint8Array[] = []
  private bytes = 0
  private timer: NodeJS.Timeout | null = null

  constructor(
    /** Gives an update to the room; throws DependencyError when it still has to wait. */
    private readonly accept: (update: Uint8Array, decoded: Decoded) => void,
    /** What a waiting update throws when tried again, other than DependencyError. */
    private readonly onError: (error: unknown) => void,
    private readonly giveUp: () => void,
  ) {}

  /** Gives `update` to the room, or keeps it to try later; any other error is thrown. */
  offer(update: Uint8Array, decoded: Decoded): void {
    try {
      this.accept(update, decoded)
    } catch (error) {
      if (!(error instanceof DependencyError)) throw error
      this.held.push(update)
      this.bytes += update.length
      if (this.held.length > MAX_HELD_UPDATES || this.bytes > MAX_HELD_BYTES) {
        this.giveUp()
        return
      }
      if (!this.timer) {
        const since = Date.now()
        this.timer = setInterval(() => {
          if (Date.now() - since > MAX_HELD_MS) this.giveUp()
          else this.retry()
        }, RETRY_MS)
      }
      return
    }
    this.retry()
  }

  /** Gives the waiting updates to the room again, as long as it takes any of them. */
  private retry(): void {
    let progress = this.held.length > 0
    while (progress) {
      progress = false
      for (const waiting of [...this.held]) {
        try {
          this.accept(waiting, decodeWellFormedUpdate(waiting))
        } catch (error) {
          if (error instanceof DependencyError) continue
          this.onError(error)
          return
        }
        this.held = this.held.filter((other) => other !== waiting)
        this.bytes -= waiting.length
        progress = true
      }
    }
    if (this.held.length === 0) this.clear()
  }

  /** Forgets what waits (the connection closed, or everything went in). */
  clear(): void {
    if (this.timer) clearInterval(this.timer)
    this.timer = null
    this.held = []
    this.bytes = 0
  }
}
