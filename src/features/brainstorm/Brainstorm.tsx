import { ActivityToggle } from '../shared/ActivityToggle'
import { textBundle, useTexts } from '../../i18n/bundle'
import { useRoom } from '../../store/roomStore'

/*
 * Brainstorm mode: the creative rules on every screen, twenty minutes on the timer, and votes and
 * "gedeeld" marks held back until it ends (see useValueShare and the vote displays). Loaded when
 * a brainstorm starts.
 */

const RULES = [
  'brainstorm.rule.judge',
  'brainstorm.rule.quantity',
  'brainstorm.rule.wild',
  'brainstorm.rule.time',
  'brainstorm.rule.alone',
] as const

export const brainstormTexts = textBundle(
  {
    'brainstorm.title': 'Regels voor de brainstorm',
    'brainstorm.rule.judge': 'Stel je oordeel uit.',
    'brainstorm.rule.quantity': 'Hoeveelheid gaat voor kwaliteit.',
    'brainstorm.rule.wild': 'Hoe gekker, hoe beter.',
    'brainstorm.rule.time': 'Let op de tijd.',
    'brainstorm.rule.alone': 'Begin alleen, dan samen.',
    'brainstorm.held': 'De stemmen en het teken ‘gedeeld’ zie je pas na de brainstorm.',
    'brainstorm.end': 'Brainstorm afronden',
    'brainstorm.start': 'Brainstorm starten (20 minuten)',
    'brainstorm.controls': 'Brainstorm',
    'brainstorm.controlsHint':
      'De regels staan op elk scherm. De timer loopt 20 minuten. Stemmen en ‘gedeeld’ blijven verborgen tot je de brainstorm afrondt.',
  },
  {
    'brainstorm.title': 'Rules for the brainstorm',
    'brainstorm.rule.judge': 'Hold back your judgement.',
    'brainstorm.rule.quantity': 'Quantity before quality.',
    'brainstorm.rule.wild': 'The wilder, the better.',
    'brainstorm.rule.time': 'Mind the time.',
    'brainstorm.rule.alone': 'Start alone, then together.',
    'brainstorm.held': 'You see the votes and the ‘shared’ mark only after the brainstorm.',
    'brainstorm.end': 'End the brainstorm',
    'brainstorm.start': 'Start a brainstorm (20 minutes)',
    'brainstorm.controls': 'Brainstorm',
    'brainstorm.controlsHint':
      'The rules show on every screen. The timer runs 20 minutes. Votes and ‘shared’ marks stay hidden until you end the brainstorm.',
  },
)

/** The rules while a brainstorm runs, on every screen; the facilitator can end it here. */
export function BrainstormRules({ large = false }: { large?: boolean }) {
  const bt = useTexts(brainstormTexts)
  const on = useRoom((state) => state.control.brainstorm)
  const level = useRoom((state) => state.level)
  if (!on) return null
  return (
    <section
      className={`brainstorm-rules${large ? ' is-large' : ''}`}
      aria-labelledby="brainstorm-title"
    >
      <h2 id="brainstorm-title">{bt('brainstorm.title')}</h2>
      <ol>
        {RULES.map((rule) => (
          <li key={rule}>{bt(rule)}</li>
        ))}
      </ol>
      <p className="brainstorm-held">{bt('brainstorm.held')}</p>
      {level === 'facilitator' && (
        <button
          type="button"
          className="small"
          onClick={() => useRoom.getState().setBrainstorm(false)}
        >
          {bt('brainstorm.end')}
        </button>
      )}
    </section>
  )
}

/** In the facilitator's activities: start a brainstorm, or end it. */
export function BrainstormControls() {
  const bt = useTexts(brainstormTexts)
  const on = useRoom((state) => state.control.brainstorm)
  return (
    <ActivityToggle
      title={bt('brainstorm.controls')}
      hint={bt('brainstorm.controlsHint')}
      on={on}
      label={bt(on ? 'brainstorm.end' : 'brainstorm.start')}
      onToggle={() => useRoom.getState().setBrainstorm(!on)}
    />
  )
}
