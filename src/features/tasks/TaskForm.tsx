import { ActivityToggle } from '../shared/ActivityToggle'
import { useT } from '../../i18n'
import { useTexts } from '../../i18n/bundle'
import { columnIds, TASK_BOARD } from '../../map'
import { useRoom, useSheet } from '../../store/roomStore'
import { taskTexts } from './texts'

/** How many tasks there are on the task board, sorted or not. */
function useTaskCount(): number {
  return useRoom((state) =>
    columnIds(TASK_BOARD).reduce((sum, column) => sum + state.view.columns[column].length, 0),
  )
}

/**
 * Above the board, once the group sorts tasks or has sorted some: the map or the task board.
 * Looking at the other one is this person's own choice; the facilitator's "op alle schermen"
 * brings everyone to the same one again.
 */
export function SheetSwitch() {
  const t = useTexts(taskTexts)
  const sheet = useSheet()
  const mapBoard = useRoom((state) => state.view.board)
  const groupOn = useRoom((state) => state.control.form ?? state.view.board.kind)
  const count = useTaskCount()
  const sheets = [
    { kind: mapBoard.kind, label: t('sheet.map') },
    { kind: TASK_BOARD.kind, label: t('sheet.tasks', { count }) },
  ]
  return (
    <nav className="sheet-switch" aria-label={t('sheet.label')}>
      {sheets.map(({ kind, label }) => (
        <button
          key={kind}
          type="button"
          className="sheet-tab"
          aria-pressed={sheet.kind === kind}
          onClick={() => useRoom.getState().chooseSheet(kind)}
        >
          {label}
          {groupOn === kind && sheet.kind !== kind && (
            <span className="sheet-group">{t('sheet.groupHere')}</span>
          )}
        </button>
      ))}
    </nav>
  )
}

/** In the facilitator's activities: put the task sorting on every screen, or the map again. */
export function TaskFormControls() {
  const t = useTexts(taskTexts)
  const tt = useT()
  const on = useRoom((state) => state.control.form === TASK_BOARD.kind)
  return (
    <ActivityToggle
      title={tt('form.taakverdeling')}
      hint={t('tasks.startHelp')}
      on={on}
      label={t(on ? 'tasks.end' : 'tasks.open')}
      onToggle={() => useRoom.getState().setForm(on ? null : TASK_BOARD.kind)}
    />
  )
}
