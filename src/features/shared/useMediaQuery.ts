import { useSyncExternalStore } from 'react'

/** Whether a CSS media query matches now, following changes (a phone turned, a window resized). */
export function useMediaQuery(query: string): boolean {
  return useSyncExternalStore(
    (onChange) => {
      // Where there is no layout (a test's DOM without matchMedia), nothing ever matches.
      const list = window.matchMedia?.(query)
      list?.addEventListener('change', onChange)
      return () => list?.removeEventListener('change', onChange)
    },
    () => window.matchMedia?.(query).matches ?? false,
    () => false,
  )
}

/** The width below which the board shows one column at a time, with tabs (as in the CSS). */
export const PHONE_QUERY = '(max-width: 700px)'
