import { useEffect, useState } from 'react'
import { useT } from '../i18n'

const STORAGE_KEY = 'pk.readable'

function readStored(): boolean {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'on'
  } catch {
    return false
  }
}

/**
 * Large text and high contrast, for anyone who reads better that way (low vision, a phone in
 * sunlight, the back of the room). Kept on this device; the page's own styles do the rest.
 */
export function ReadableSwitch() {
  const t = useT()
  const [on, setOn] = useState(readStored)
  useEffect(() => {
    document.documentElement.dataset.readable = on ? 'on' : 'off'
    try {
      localStorage.setItem(STORAGE_KEY, on ? 'on' : 'off')
    } catch {
      // Private mode may refuse storage; the choice then lasts for this page only.
    }
  }, [on])
  return (
    <button type="button" className="readable-switch" aria-pressed={on} onClick={() => setOn(!on)}>
      {t('readable.toggle')}
    </button>
  )
}
