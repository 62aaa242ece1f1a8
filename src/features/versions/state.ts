import { create } from 'zustand'

/** One saved version on screen, or two compared (`to` may be the map as it is now). */
export type ShownVersion =
  | { readonly kind: 'one'; readonly number: number }
  | { readonly kind: 'compare'; readonly from: number; readonly to: number | 'now' }

interface VersionViewState {
  shown: ShownVersion | null
  /** Where keyboard users go back to when it closes. */
  opener: HTMLElement | null
  show(shown: ShownVersion): void
  close(): void
}

/** Which saved version this person looks at: their own screen only, never shared. */
export const useVersionView = create<VersionViewState>((set, get) => ({
  shown: null,
  opener: null,
  show: (shown) =>
    set({
      shown,
      opener: document.activeElement instanceof HTMLElement ? document.activeElement : null,
    }),
  close: () => {
    const { opener } = get()
    set({ shown: null, opener: null })
    // Once the room is no longer inert under the version (after this render).
    requestAnimationFrame(() => opener?.focus())
  },
}))
