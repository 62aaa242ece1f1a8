import { threadEnd, threadPaths, type MapView, type NoteId } from '../../map'

/**
 * The golden threads of a map for a list on paper or in text: the whole ones (from a value to an
 * action) first, then those that stop before an action, marked as such.
 */
export function threadList(view: MapView): {
  threads: { path: NoteId[]; whole: boolean }[]
  more: boolean
} {
  const { paths, more } = threadPaths(view.columns, view.linkIndex, view.board)
  const end = threadEnd(view.board)
  const whole = (path: NoteId[]) => view.notes.get(path[path.length - 1]!)?.column === end
  return {
    threads: [
      ...paths.filter(whole).map((path) => ({ path, whole: true })),
      ...paths.filter((path) => !whole(path)).map((path) => ({ path, whole: false })),
    ],
    more,
  }
}
