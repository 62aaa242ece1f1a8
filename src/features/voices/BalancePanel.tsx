import { useMemo } from 'react'
import { useT } from '../../i18n'
import {
  balanceOf,
  dominantSide,
  MIN_GROUP,
  stepOf,
  type ColumnId,
  type GroupFigures,
  type StepBalance,
} from '../../map'
import { useRoom } from '../../store/roomStore'
import { useRoomMix } from './RoomMix'
import { useTexts } from '../../i18n/bundle'
import { balanceTexts } from './texts'

type Figures = Omit<GroupFigures, 'people'>

/**
 * Who contributes per step: notes, edits and votes by side and by role. On the facilitator's
 * screen, and on the shared screen when the facilitator chooses. No group of fewer than three
 * people is shown on its own.
 */
export function BalancePanel({ large = false }: { large?: boolean }) {
  const bt = useTexts(balanceTexts)
  const view = useRoom((state) => state.view)
  const level = useRoom((state) => state.level)
  const control = useRoom((state) => state.control)
  const mix = useRoomMix()
  const balance = useMemo(
    () => balanceOf(view.notes, view.participants, view.voices, view.board),
    [view.notes, view.participants, view.voices, view.board],
  )
  // The step in progress first; without one, every column in the order of the steps.
  const columns: ColumnId[] =
    control.activeColumns.length > 0
      ? [...control.activeColumns]
      : control.steps.flat().filter((column, i, all) => all.indexOf(column) === i)
  const dominant =
    level === 'facilitator' && control.activeColumns.length > 0
      ? dominantSide(view.notes, control.activeColumns, mix)
      : null

  return (
    <section className={`balance-panel${large ? ' is-large' : ''}`} aria-labelledby="balance-title">
      <h2 id="balance-title">{bt('balance.title')}</h2>
      {dominant && (
        <p className="balance-cue" role="status">
          {bt(dominant === 'formal' ? 'balance.cueFormal' : 'balance.cueInformal')}
        </p>
      )}
      {columns.map((column) => (
        <StepFigures key={column} step={balance.steps[column]} open={large} />
      ))}
      <p className="hint">{bt('balance.privacy', { min: MIN_GROUP })}</p>
      {level === 'facilitator' && (
        <label className="choice">
          <input
            type="checkbox"
            checked={control.showBalance}
            onChange={(event) => useRoom.getState().setShowBalance(event.target.checked)}
          />
          <span>{bt('balance.onShared')}</span>
        </label>
      )}
    </section>
  )
}

/** One step's figures; on the shared screen (nobody there to click) the roles show open. */
function StepFigures({ step, open }: { step: StepBalance; open: boolean }) {
  const t = useT()
  const bt = useTexts(balanceTexts)
  const board = useRoom((state) => state.view.board)
  const headingId = `balance-${step.column}`
  const rows: { key: keyof Figures; label: string }[] = [
    { key: 'notes', label: bt('balance.notes') },
    { key: 'edits', label: bt('balance.edits') },
    { key: 'votes', label: bt('balance.votes') },
  ]
  return (
    <div className="balance-step">
      <h3 id={headingId}>
        {stepOf(board, step.column)}. {t(`column.${step.column}`)}
      </h3>
      <dl className="balance-figures">
        {rows.map(({ key, label }) => (
          <div key={key}>
            <dt>{label}</dt>
            <dd>
              <span data-figure={`total-${key}`}>{step.total[key]}</span> {bt('balance.inTotal')}
              {step.sides && (
                <>
                  {' · '}
                  {t('side.formal')}{' '}
                  <span data-figure={`formal-${key}`}>{step.sides.formal[key]}</span>
                  {' · '}
                  {t('side.informal')}{' '}
                  <span data-figure={`informal-${key}`}>{step.sides.informal[key]}</span>
                </>
              )}
            </dd>
          </div>
        ))}
      </dl>
      {!step.sides && <p className="hint">{bt('balance.notSplit', { min: MIN_GROUP })}</p>}
      {step.roles && step.roles.length > 1 && (
        <details className="balance-roles" open={open}>
          <summary>{bt('balance.byRole')}</summary>
          <ul>
            {step.roles.map(({ role, figures }) => (
              <li key={role}>
                {role === 'other' ? bt('balance.otherRoles') : t(`role.${role}`)}:{' '}
                {bt('balance.roleLine', {
                  notes: figures.notes,
                  edits: figures.edits,
                  votes: figures.votes,
                })}
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  )
}
