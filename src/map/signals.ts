import { MAP_DOC, SIGNAL_KINDS, type SignalKind } from '../../shared/schema'
import { rootOf, transact, writeAnonymous, type MapDoc } from './doc'
import { forEachChecked } from './roots'

export { SIGNAL_KINDS, type SignalKind } from '../../shared/schema'

/**
 * Signals anyone can give without their name ("Verstaanbaar Nederlands, graag", "ja, en…"): the
 * facilitator and the big screen see them at once. Each is written as if by an unknown device
 * (see `writeDetached`) under a fresh random key, so nothing in the document ties it to a person;
 * the device keeps nothing of it either. A signal shows for a few minutes, or until the
 * facilitator says it was seen, which takes it away.
 */
export interface Signal {
  readonly kind: SignalKind
  /** When it was given, on the server's clock. */
  readonly at: number
}

/** How long a signal stays on screen when nobody takes it away. */
export const SIGNAL_SHOWN_MS = 3 * 60 * 1000

function signalsOf(doc: MapDoc) {
  return rootOf(doc, 'signals')
}

/** Every signal in the document, oldest first. */
export function readSignals(doc: MapDoc): Signal[] {
  const signals: Signal[] = []
  forEachChecked(signalsOf(doc), MAP_DOC, 'signals', (_key, raw) => {
    const { kind, at } = raw as Signal
    signals.push({ kind, at })
  })
  return signals.sort((a, b) => a.at - b.at)
}

/**
 * Gives a signal at `now` (the server's time). Signals that stopped showing long ago are taken
 * away on the way, so the document does not keep them; a deletion carries no client id.
 */
export function raiseSignal(doc: MapDoc, kind: SignalKind, now: number): void {
  if (!SIGNAL_KINDS.includes(kind)) return
  const signals = signalsOf(doc)
  transact(doc, () => {
    writeAnonymous(doc, 'signals', { kind, at: now })
    for (const [key, raw] of [...signals.entries()]) {
      const at = (raw as Partial<Signal> | null)?.at
      const stale =
        typeof at !== 'number' || at < now - 2 * SIGNAL_SHOWN_MS || at > now + SIGNAL_SHOWN_MS
      if (stale) signals.delete(key)
    }
  })
}

/** Takes away every signal of `kind`: the facilitator saw it. */
export function clearSignals(doc: MapDoc, kind: SignalKind): void {
  const signals = signalsOf(doc)
  transact(doc, () => {
    for (const [key, raw] of [...signals.entries()]) {
      if ((raw as Partial<Signal> | null)?.kind === kind) signals.delete(key)
    }
  })
}

/**
 * Whether a signal given `at` shows at `now`. A device whose clock runs a little ahead may write
 * into the future; one far ahead is no signal anyone just gave.
 */
function shows(at: number, now: number): boolean {
  return at > now - SIGNAL_SHOWN_MS && at < now + SIGNAL_SHOWN_MS
}

/** How many signals of each kind show at `now`: given in the last few minutes, and not seen. */
export function shownSignals(
  signals: readonly Signal[],
  now: number,
): ReadonlyMap<SignalKind, number> {
  const shown = new Map<SignalKind, number>()
  for (const { kind, at } of signals) {
    if (shows(at, now)) shown.set(kind, (shown.get(kind) ?? 0) + 1)
  }
  return shown
}
