import { lazy, Suspense, type RefObject } from 'react'
import { useT } from '../../i18n'
import { useRoom } from '../../store/roomStore'
import { Menu } from '../shared/Menu'
import { shortText } from '../shared/noteText'
import type { NoteActionsProps } from './NoteMenuItems'

const NoteMenuItems = lazy(() =>
  import('./NoteMenuItems').then((module) => ({ default: module.NoteMenuItems })),
)

/** A note's one labelled menu button; what it offers is made (and loaded) once it opens. */
export function NoteMenu({
  buttonRef,
  returnFocus,
  ...actions
}: NoteActionsProps & {
  buttonRef: RefObject<HTMLButtonElement | null>
  returnFocus(): void
}) {
  const t = useT()
  const level = useRoom((state) => state.level)
  if (level === 'viewer') return null
  return (
    <Menu
      className="note-menu"
      label={t('note.menuLabel', { text: shortText(actions.note.text) })}
      title={t('note.menu')}
      icon="⋯"
      // Reached from the note by Enter: the column stays one Tab stop.
      tabIndex={-1}
      buttonRef={buttonRef}
      returnFocus={returnFocus}
    >
      {(controls) => (
        <Suspense fallback={null}>
          <NoteMenuItems {...actions} controls={controls} />
        </Suspense>
      )}
    </Menu>
  )
}
