import { useEffect } from 'react'
import { useT } from '../../i18n'
import { usePreferences } from '../../store/preferences'

/**
 * Large text and high contrast, for anyone who reads better that way (low vision, a phone in
 * sunlight, the back of the room). Kept on this device; the page's own styles do the rest.
 */
export function ReadableSwitch() {
  const t = useT()
  const on = usePreferences((state) => state.readable)
  useEffect(() => {
    document.documentElement.dataset.readable = on ? 'on' : 'off'
  }, [on])
  return (
    <button
      type="button"
      className="readable-switch"
      aria-pressed={on}
      onClick={() => usePreferences.getState().setReadable(!on)}
    >
      {/* On a phone only the first words show; the whole name stays for screen readers. */}
      {t('readable.short')}
      <span className="readable-more"> {t('readable.more')}</span>
    </button>
  )
}
