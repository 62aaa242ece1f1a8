import { onChange, type MapDoc } from './doc'
import { viewMap, type MapView } from './view'

/**
 * Calls `onView` with a fresh view after every transaction that changed the document, and once
 * right away. Returns the function that stops observing. A view that cannot be read (whatever a
 * peer wrote) keeps the last good one on screen instead of stopping the updates.
 */
export function observeMap(doc: MapDoc, onView: (view: MapView) => void): () => void {
  let current = viewMap(doc)
  onView(current)
  return onChange(doc, () => {
    try {
      current = viewMap(doc, current)
    } catch (error) {
      console.error('the map could not be read; showing it as it was', error)
      return
    }
    onView(current)
  })
}
