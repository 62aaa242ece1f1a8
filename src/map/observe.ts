import { onChange, type MapDoc } from './doc'
import { viewMap, type MapView } from './view'

/**
 * Calls `onView` with a fresh view after every transaction that changed the document, and once
 * right away. Returns the function that stops observing. A view that cannot be read (whatever a
 * peer wrote) keeps the last good one on screen instead of stopping the updates.
 */
export function observeMap(doc: MapDoc, onView: (view: MapView) => void): () => void {
  let current = viewMap(doc)
  // After a view that could not be read, the next one reads every note again.
  let whole = false
  onView(current)
  return onChange(doc, (changed) => {
    try {
      current = viewMap(doc, current, whole ? undefined : changed)
      whole = false
    } catch (error) {
      console.error('the map could not be read; showing it as it was', error)
      whole = true
      return
    }
    onView(current)
  })
}
