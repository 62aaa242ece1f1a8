import { useEffect, useRef, useState } from 'react'
import { useTexts } from '../../i18n/bundle'
import { SIGNAL_KINDS, shownSignals, type SignalKind } from '../../map'
import { useRoom } from '../../store/roomStore'
import { useServerNow } from '../facilitation/useNow'
import { Menu } from '../shared/Menu'
import { MenuList } from '../shared/MenuList'
import { signalTexts } from './texts'

/*
 * Signals anyone at the table can give without their name, and the facilitator and the big screen
 * see at once: "Verstaanbaar Nederlands, graag" and "ja, en…". Loaded after the room has opened:
 * nobody needs them to join or to write.
 */

/** One device gives a signal of a kind at most this often, so a tap twice does not count twice. */
const AGAIN_AFTER_MS = 30_000

/**
 * Gives a signal unless this device gave the same one moments ago: 'sent', 'already', or null
 * when it could not be written. `last` keeps when this device last gave each.
 */
function give(kind: SignalKind, last: Map<SignalKind, number>): 'sent' | 'already' | null {
  const now = Date.now()
  if (now - (last.get(kind) ?? -Infinity) < AGAIN_AFTER_MS) return 'already'
  if (!useRoom.getState().raiseSignal(kind)) return null
  last.set(kind, now)
  return 'sent'
}

/** The button to give a signal, for everyone in the room (viewers cannot write). */
export function GiveSignal() {
  const t = useTexts(signalTexts)
  const level = useRoom((state) => state.level)
  const button = useRef<HTMLButtonElement>(null)
  const last = useRef(new Map<SignalKind, number>())
  const [said, setSaid] = useState('')
  // The word that it went through stays a moment, then makes room again.
  useEffect(() => {
    if (!said) return
    const id = setTimeout(() => setSaid(''), 8_000)
    return () => clearTimeout(id)
  }, [said])
  if (level === 'viewer') return null

  return (
    <div className="signal-give">
      <Menu
        className="signal-menu"
        label={t('signals.label')}
        title={t('signals.label')}
        icon={t('signals.button')}
        buttonRef={button}
        returnFocus={() => button.current?.focus()}
      >
        {(controls) => (
          <MenuList
            controls={controls}
            items={SIGNAL_KINDS.map((kind) => ({
              key: kind,
              label: t(`signals.give.${kind}`),
              onSelect: () => {
                const result = give(kind, last.current)
                if (result) setSaid(t(result === 'sent' ? 'signals.sent' : 'signals.already'))
              },
            }))}
          />
        )}
      </Menu>
      <p className="signal-said" role="status">
        {said}
      </p>
    </div>
  )
}

/**
 * The signals given in the last few minutes, on the facilitator's screen and the big screen,
 * with how often; the facilitator takes one off every screen once it was heard.
 */
export function SignalBanners({ large = false }: { large?: boolean }) {
  const t = useTexts(signalTexts)
  const signals = useRoom((state) => state.view.signals)
  const level = useRoom((state) => state.level)
  // Signals go off screen by themselves after a few minutes: look again now and then.
  const now = useServerNow(signals.length > 0, 5_000)
  const shown = shownSignals(signals, now)
  // The live region stays while empty, so a signal that comes in is read out.
  return (
    <div className={`signal-banners${large ? ' is-large' : ''}`} aria-live="polite">
      {SIGNAL_KINDS.filter((kind) => shown.has(kind)).map((kind) => {
        const count = shown.get(kind)!
        return (
          <section
            key={kind}
            className="signal-banner"
            aria-labelledby={`signal-${kind}`}
            data-signal={kind}
          >
            <p className="signal-from">{t('signals.from')}</p>
            <h2 id={`signal-${kind}`} className="signal-title">
              {t(`signals.title.${kind}`)}
              {count > 1 && (
                <span className="signal-count"> ({t('signals.count', { count })})</span>
              )}
            </h2>
            {/* The room needs the tip; the facilitator knows it, and keeps the board in view. */}
            {large && <p className="signal-hint">{t(`signals.hint.${kind}`)}</p>}
            {level === 'facilitator' && (
              <button
                type="button"
                className="small"
                aria-label={t('signals.seenLabel', { title: t(`signals.title.${kind}`) })}
                onClick={() => {
                  useRoom.getState().clearSignals(kind)
                  // The banner goes: keyboard users land on the next one, or back in the bar.
                  requestAnimationFrame(() => {
                    const next =
                      document.querySelector<HTMLElement>('.signal-banner button') ??
                      document.querySelector<HTMLElement>('.session-bar button')
                    next?.focus()
                  })
                }}
              >
                {t('signals.seen')}
              </button>
            )}
          </section>
        )
      })}
    </div>
  )
}
