import { useEffect, useRef } from 'react'

/**
 * Keeps keyboard focus when the button pressed is replaced by another ("Start timer" by "Pauze"):
 * `handTo(name)` before the change, and the element marked `data-focus={name}` inside `root` gets
 * focus once it is there. Without it focus falls to the page, or worse, onto whatever button now
 * stands in the old one's place (Enter on "Start timer" again would add a minute).
 */
export function useFocusHandoff<T extends HTMLElement>() {
  const root = useRef<T>(null)
  const pending = useRef<string | null>(null)
  useEffect(() => {
    const name = pending.current
    if (!name) return
    const target = root.current?.querySelector<HTMLElement>(`[data-focus="${name}"]`)
    if (target) {
      pending.current = null
      target.focus()
    }
  })
  return {
    root,
    handTo(name: string) {
      pending.current = name
    },
  }
}
