import { useEffect, useId, useRef, useState } from 'react'
import { useTexts } from '../../i18n/bundle'
import {
  NO_POWER,
  POWER_HOLDERS,
  POWER_QUESTIONS,
  type Note,
  type Power,
  type PowerHolder,
} from '../../map'
import { useRoom } from '../../store/roomStore'
import { shortText } from '../shared/noteText'
import { powerTexts } from './texts'

const HINTS = { carries: null, decides: 'power.decidesHint', means: 'power.meansHint' } as const

/** On an action's card: who carries it, who decides on it, who has the means; saved at once. */
export function PowerForm({ note, onDone }: { note: Note; onDone(): void }) {
  const pt = useTexts(powerTexts)
  const id = useId()
  const [power, setPower] = useState<Power>(note.power ?? NO_POWER)
  const first = useRef<HTMLFieldSetElement>(null)

  useEffect(() => {
    first.current?.querySelector<HTMLInputElement>('input:checked, input')?.focus()
  }, [])

  function choose(question: keyof Power, holder: PowerHolder | null): void {
    setPower((before) => ({ ...before, [question]: holder }))
  }

  return (
    <form
      className="power-form"
      aria-label={pt('power.form', { note: note.label ?? shortText(note.text, 30) })}
      onSubmit={(event) => {
        event.preventDefault()
        void useRoom
          .getState()
          .setPower(note.id, power)
          .then((saved) => {
            if (saved) onDone()
          })
      }}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault()
          event.stopPropagation()
          onDone()
        }
      }}
    >
      <p className="hint">{pt('power.intro')}</p>
      {POWER_QUESTIONS.map((question, i) => {
        const hint = HINTS[question]
        return (
          <fieldset
            key={question}
            className="choices power-question"
            ref={i === 0 ? first : undefined}
            aria-describedby={hint ? `${id}-${question}-hint` : undefined}
          >
            <legend>{pt(`power.${question}`)}</legend>
            {hint && (
              <p className="hint" id={`${id}-${question}-hint`}>
                {pt(hint)}
              </p>
            )}
            {[...POWER_HOLDERS, null].map((holder) => (
              <label key={holder ?? 'none'} className="choice">
                <input
                  type="radio"
                  name={`${id}-${question}`}
                  checked={power[question] === holder}
                  onChange={() => choose(question, holder)}
                />
                <span>{holder ? pt(`power.holder.${holder}`) : pt('power.notSaid')}</span>
              </label>
            ))}
          </fieldset>
        )
      })}
      <div className="actions">
        <button type="submit" className="primary">
          {pt('power.save')}
        </button>
        <button type="button" onClick={onDone}>
          {pt('power.cancel')}
        </button>
      </div>
    </form>
  )
}
