/**
 * Seeds for randomised tests: every run prints its seed, and `PK_SEED=<seed>` replays it, so a
 * failure seen once can be run again as it was.
 */

/** The seed of a randomised test: `PK_SEED` when set, else a fresh one; printed with `what`. */
export function testSeed(what: string): number {
  const given = process.env.PK_SEED
  const seed = given !== undefined && given !== '' ? Number(given) : Date.now() % 1_000_000
  if (!Number.isSafeInteger(seed)) throw new Error(`PK_SEED is no whole number: ${given}`)
  console.log(`${what}: seed ${seed} (replay with PK_SEED=${seed})`)
  return seed
}

/** A small seeded generator (mulberry32): the same seed gives the same numbers, on any machine. */
export function seededRandom(seed: number) {
  let state = seed >>> 0
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const int = (max: number) => Math.floor(next() * max)
  const bytes = (length: number) => Uint8Array.from({ length }, () => int(256))
  return { next, int, bytes }
}

export type SeededRandom = ReturnType<typeof seededRandom>
