import type { ColumnId } from '../../map'
import { useRoom } from '../../store/roomStore'
import { mayWriteTo } from '../../store/selectors'

export interface ColumnAccess {
  /** The column belongs to the step the group is in now. */
  active: boolean
  /** A guided step is on and this column is not in it: visible, but quiet. */
  calm: boolean
  /** This person may add, edit and move notes here now. */
  editable: boolean
}

/**
 * What this person may do in a column. Locks are kept by every participant's app; the server
 * itself refuses viewers' writes and participants' changes to the facilitation state.
 */
export function useColumnAccess(column: ColumnId): ColumnAccess {
  const level = useRoom((state) => state.level)
  const control = useRoom((state) => state.control)
  const active = control.activeColumns.includes(column)
  const calm = control.step >= 0 && !active
  return { active, calm, editable: mayWriteTo(control, level, column) }
}
