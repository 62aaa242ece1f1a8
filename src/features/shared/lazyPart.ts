import { lazy, type ComponentType, type LazyExoticComponent } from 'react'

/** A part of the page in a chunk of its own, with a way to start loading it before it shows. */
export interface LazyPart<P extends object> {
  readonly Part: LazyExoticComponent<ComponentType<P>>
  /** Starts loading the chunk (once); resolves when it is there. */
  preload(): Promise<unknown>
}

/**
 * Like React's `lazy`, but a part whose chunk has arrived renders at once. `lazy` suspends on a
 * part's first render even when its chunk is loaded already, and React then holds back what was
 * suspended until 300 ms after it showed the fallback (it throttles fallbacks), so the note form
 * on a slow phone came a third of a second after its chunk. Once loaded, `lazy` gets a thenable
 * that answers at once, which React takes without suspending.
 */
export function lazyPart<P extends object>(load: () => Promise<ComponentType<P>>): LazyPart<P> {
  let loaded: ComponentType<P> | undefined
  let loading: Promise<ComponentType<P>> | undefined
  const preload = () =>
    (loading ??= load().then(
      (component) => (loaded = component),
      (error: unknown) => {
        // A chunk that failed to load (the network dropped) is asked for again next time.
        loading = undefined
        throw error
      },
    ))
  const Part = lazy(() => {
    if (!loaded) return preload().then((component) => ({ default: component }))
    const module = { default: loaded }
    const answered = { then: (onLoaded: (value: typeof module) => unknown) => onLoaded(module) }
    return answered as unknown as Promise<typeof module>
  })
  return { Part, preload }
}
