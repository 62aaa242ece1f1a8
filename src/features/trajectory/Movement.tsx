import { useId } from 'react'
import { useLang } from '../../i18n'
import { useTexts } from '../../i18n/bundle'
import { PULSE_MIN_ANSWERS } from '../../../shared/schema'
import { scoreMovement } from '../../map/trajectory'
import { useTrajectory } from '../../store/trajectory'
import { formatDay } from '../shared/noteText'
import { phaseText } from './meetingText'
import { trajectoryTexts } from './texts'

const WIDTH = 320
const HEIGHT = 150
const PAD = { left: 26, right: 10, top: 10, bottom: 22 }

/**
 * How the group's head-heart-gut score moved over the meetings: a small chart of the average at
 * the start and at the end of each meeting, and the same in words below it (what a screen
 * reader reads). Averages only where a meeting kept three answers or more.
 */
export function ScoreMovement() {
  const tt = useTexts(trajectoryTexts)
  const lang = useLang((state) => state.lang)
  const id = useId()
  const meetings = useTrajectory((state) => state.view.meetings)
  const numbers = new Map(meetings.map((meeting, i) => [meeting.id, i + 1]))
  const moved = scoreMovement(meetings)
  const x = (i: number) =>
    PAD.left + (moved.length < 2 ? 0.5 : i / (moved.length - 1)) * (WIDTH - PAD.left - PAD.right)
  const y = (score: number) => PAD.top + ((10 - score) / 9) * (HEIGHT - PAD.top - PAD.bottom)
  const line = (phase: 'before' | 'after') =>
    moved
      .map((entry, i) => ({ i, average: entry[phase]?.average ?? null }))
      .filter((point): point is { i: number; average: number } => point.average !== null)
  const series = [
    { phase: 'before' as const, className: 'movement-before', points: line('before') },
    { phase: 'after' as const, className: 'movement-after', points: line('after') },
  ]
  return (
    <section className="trajectory-part" aria-labelledby={`${id}-title`}>
      <h4 id={`${id}-title`}>{tt('movement.title')}</h4>
      <p className="hint">{tt('movement.intro', { min: PULSE_MIN_ANSWERS })}</p>
      {moved.length === 0 ? (
        <p className="hint">{tt('movement.none')}</p>
      ) : (
        <>
          <svg
            className="movement-chart"
            viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
            role="img"
            aria-label={tt('movement.chart')}
          >
            {[1, 5, 10].map((score) => (
              <g key={score}>
                <line
                  x1={PAD.left}
                  x2={WIDTH - PAD.right}
                  y1={y(score)}
                  y2={y(score)}
                  className="movement-grid"
                />
                <text x={PAD.left - 6} y={y(score) + 4} textAnchor="end">
                  {score}
                </text>
              </g>
            ))}
            {moved.map((entry, i) => (
              <text key={entry.meeting.id} x={x(i)} y={HEIGHT - 6} textAnchor="middle">
                {numbers.get(entry.meeting.id)}
              </text>
            ))}
            {series.map(({ phase, className, points }) => (
              <g key={phase} className={className}>
                {/* A line only between neighbours: too few answers leave a gap. */}
                {points.map((p, n) => {
                  const next = points[n + 1]
                  return next && next.i === p.i + 1 ? (
                    <line
                      key={`line-${p.i}`}
                      x1={x(p.i)}
                      y1={y(p.average)}
                      x2={x(next.i)}
                      y2={y(next.average)}
                    />
                  ) : null
                })}
                {points.map((p) => (
                  <circle key={p.i} cx={x(p.i)} cy={y(p.average)} r={4} />
                ))}
              </g>
            ))}
          </svg>
          <p className="movement-legend" aria-hidden="true">
            <span className="movement-key movement-before">{tt('scores.before')}</span>{' '}
            <span className="movement-key movement-after">{tt('scores.after')}</span>
          </p>
          <ol className="movement-list">
            {moved.map((entry) => (
              <li key={entry.meeting.id}>
                <strong>
                  {tt('meeting.name', { number: numbers.get(entry.meeting.id) ?? 0 })}
                  {entry.meeting.date && <> · {formatDay(lang, entry.meeting.date)}</>}
                </strong>
                {(['before', 'after'] as const).map((phase) => {
                  const scores = entry[phase]
                  if (!scores) return null
                  return (
                    <span key={phase}>
                      {' '}
                      {tt(phase === 'before' ? 'scores.before' : 'scores.after')}:{' '}
                      {phaseText(tt, lang, scores)}
                    </span>
                  )
                })}
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  )
}
