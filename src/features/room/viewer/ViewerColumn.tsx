import { ColumnQuestions } from '../../shared/ColumnQuestions'
import { memo, type CSSProperties } from 'react'
import { useT } from '../../../i18n'
import { useTexts } from '../../../i18n/bundle'
import { viewerTexts } from './viewerTexts'
import { cardSubtitle } from '../../shared/columnText'
import { sheetOf, stepOf, type ColumnId, type Note } from '../../../map'
import { useRoom } from '../../../store/roomStore'
import { RailNote, ViewerNote } from './ViewerNote'

/** Which of a column's notes are on screen: from `from` up to `to`, moved up by `shift` px. */
export interface Shown {
  from: number
  to: number
  shift: number
}

interface Props {
  column: ColumnId
  /** All notes of the column, each laid out, so the board can measure what fits. */
  notes: readonly Note[]
  /** Those on screen now: one page of a full column, the first ones of a rail. */
  shown: Shown
  /** Beside the step in progress: names and first words only. */
  rail: boolean
  active: boolean
  showQuestions: boolean
  page: number
  pages: number
}

/** One column on the shared screen: full (its notes large, in pages when full) or as a rail. */
export const ViewerColumn = memo(function ViewerColumn({
  column,
  notes,
  shown,
  rail,
  active,
  showQuestions,
  page,
  pages,
}: Props) {
  const t = useT()
  const vt = useTexts(viewerTexts)
  const board = useRoom((state) => state.view.board)
  const step = stepOf(board, column)
  // A working form's piles are not the card's steps.
  const onForm = sheetOf(board, column) !== board
  const headingId = `vw-column-${column}-title`
  const subtitle = cardSubtitle(t, column)
  const total = notes.length
  const more = rail ? total - (Math.min(shown.to, total) - shown.from) : 0
  return (
    <section
      className={`vw-column column-${column}${rail ? ' is-rail' : ''}${active ? ' is-active' : ''}`}
      aria-labelledby={headingId}
      data-column={column}
      data-active={active}
    >
      <header className="vw-column-header">
        {!onForm && (
          <p className="vw-step" aria-hidden="true">
            {step}
          </p>
        )}
        <h2 id={headingId}>
          {!onForm && <span className="visually-hidden">{t('column.step', { step })}: </span>}
          {t(`column.${column}`)}
          {subtitle && !rail && <span className="vw-subtitle"> ({subtitle})</span>}
        </h2>
      </header>
      {showQuestions && <ColumnQuestions column={column} className="vw-questions" />}
      <ul
        className={rail ? 'vw-rail-notes' : 'vw-notes'}
        data-fit={rail ? 'rail' : 'pages'}
        data-column={column}
        aria-label={t(total === 1 ? 'column.countOne' : 'column.count', { count: total })}
        style={{ '--vw-shift': `${shown.shift}px` } as CSSProperties}
      >
        {notes.map((note, index) => {
          const offPage = index < shown.from || index >= shown.to
          return rail ? (
            <RailNote key={note.id} note={note} offPage={offPage} />
          ) : (
            <ViewerNote key={note.id} note={note} offPage={offPage} />
          )
        })}
      </ul>
      {total === 0 && <p className="vw-empty">{t('column.empty')}</p>}
      {rail ? (
        <p className="vw-more">
          {more > 0 ? vt(more === 1 ? 'viewer.moreOne' : 'viewer.more', { count: more }) : ''}
        </p>
      ) : (
        // Always there, so that turning to a page never changes the room the notes have.
        <p className="vw-page">{pages > 1 ? vt('viewer.page', { page: page + 1, pages }) : ''}</p>
      )}
    </section>
  )
})
