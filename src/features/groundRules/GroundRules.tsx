import { useId, useRef, useState, type FormEvent } from 'react'
import { useTexts } from '../../i18n/bundle'
import { LIMITS, type GroundRule } from '../../map'
import { useRoom } from '../../store/roomStore'
import { groundRuleTexts } from './texts'

/*
 * The group's own ground rules, written at the start: in the people panel for everyone who can
 * write, on the big screen beside the method's principles, and in the PDF.
 */

/** One rule, read or said in other words. */
function RuleItem({
  rule,
  number,
  onRemoved,
}: {
  rule: GroundRule
  number: number
  onRemoved(rule: GroundRule): void
}) {
  const t = useTexts(groundRuleTexts)
  const [editing, setEditing] = useState(false)
  const [text, setText] = useState(rule.text)
  const editButton = useRef<HTMLButtonElement>(null)
  const level = useRoom((state) => state.level)
  const writes = level !== 'viewer'

  function done(): void {
    setEditing(false)
    requestAnimationFrame(() => editButton.current?.focus())
  }

  if (editing) {
    return (
      <li className="rule is-editing">
        <form
          onSubmit={(event) => {
            event.preventDefault()
            void useRoom.getState().changeGroundRules({ edit: rule.id, text }).then(done)
          }}
          onKeyDown={(event) => {
            if (event.key === 'Escape') {
              event.stopPropagation()
              setText(rule.text)
              done()
            }
          }}
        >
          <label>
            <span className="visually-hidden">{t('rules.text', { number })}</span>
            <input
              type="text"
              value={text}
              maxLength={LIMITS.groundRule}
              autoFocus
              onChange={(event) => setText(event.target.value)}
            />
          </label>
          <button type="submit" className="small primary">
            {t('rules.save')}
          </button>
          <button
            type="button"
            className="small"
            onClick={() => {
              setText(rule.text)
              done()
            }}
          >
            {t('rules.cancel')}
          </button>
        </form>
      </li>
    )
  }
  return (
    <li className="rule">
      <span className="rule-text">{rule.text}</span>
      {writes && (
        <span className="rule-actions">
          <button
            type="button"
            className="quiet small"
            ref={editButton}
            aria-label={t('rules.editLabel', { number })}
            onClick={() => {
              setText(rule.text)
              setEditing(true)
            }}
          >
            {t('rules.edit')}
          </button>
          <button
            type="button"
            className="quiet small"
            aria-label={t('rules.removeLabel', { number })}
            onClick={() =>
              void useRoom
                .getState()
                .changeGroundRules({ remove: rule.id })
                .then((removed) => {
                  if (removed) onRemoved(rule)
                })
            }
          >
            {t('rules.remove')}
          </button>
        </span>
      )}
    </li>
  )
}

/** The rules with a field to add one: in the people panel. */
export function GroundRules() {
  const t = useTexts(groundRuleTexts)
  const id = useId()
  const rules = useRoom((state) => state.view.groundRules)
  const level = useRoom((state) => state.level)
  const [text, setText] = useState('')
  const [failed, setFailed] = useState(false)
  // The rule just taken away, for everyone's "Terugzetten": one click takes a rule from every
  // screen, so it comes back as easily.
  const [removed, setRemoved] = useState<GroundRule | null>(null)
  const input = useRef<HTMLInputElement>(null)
  const undoButton = useRef<HTMLButtonElement>(null)
  const full = rules.length >= LIMITS.groundRules

  async function add(event: FormEvent): Promise<void> {
    event.preventDefault()
    if (!text.trim()) {
      input.current?.focus()
      return
    }
    const added = await useRoom.getState().changeGroundRules({ add: text })
    setFailed(!added)
    if (added) {
      setText('')
      setRemoved(null)
    }
    input.current?.focus()
  }

  return (
    <section className="ground-rules" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('rules.title')}</h3>
      <p className="hint">{t('rules.intro')}</p>
      {rules.length === 0 ? (
        <p>{t('rules.none')}</p>
      ) : (
        <ol className="rule-list">
          {rules.map((rule, i) => (
            <RuleItem
              key={rule.id}
              rule={rule}
              number={i + 1}
              // The rule goes: keyboard users land on the way to put it back.
              onRemoved={(gone) => {
                setRemoved(gone)
                requestAnimationFrame(() => (undoButton.current ?? input.current)?.focus())
              }}
            />
          ))}
        </ol>
      )}
      {removed && level !== 'viewer' && (
        <p className="rule-removed" role="status">
          {t('rules.removed', { text: removed.text })}{' '}
          <button
            type="button"
            ref={undoButton}
            className="small"
            onClick={() => {
              void useRoom
                .getState()
                .changeGroundRules({ restore: removed })
                .then(() => setRemoved(null))
              requestAnimationFrame(() => input.current?.focus())
            }}
          >
            {t('rules.undo')}
          </button>
        </p>
      )}
      {level !== 'viewer' &&
        (full ? (
          <p role="status">{t('rules.full', { max: LIMITS.groundRules })}</p>
        ) : (
          <form className="rule-add" onSubmit={(event) => void add(event)}>
            <label htmlFor={`${id}-new`}>{t('rules.new')}</label>
            <p id={`${id}-hint`} className="hint">
              {t('rules.newHint')}
            </p>
            <div className="rule-add-row">
              <input
                id={`${id}-new`}
                ref={input}
                type="text"
                value={text}
                maxLength={LIMITS.groundRule}
                aria-describedby={`${id}-hint`}
                onChange={(event) => setText(event.target.value)}
              />
              <button type="submit" className="small">
                {t('rules.add')}
              </button>
            </div>
            {failed && (
              <p className="form-error" role="alert">
                {t('rules.failed')}
              </p>
            )}
          </form>
        ))}
    </section>
  )
}

/** The rules on the big screen, beside the principles; nothing while there are none. */
export function GroundRulesShown() {
  const t = useTexts(groundRuleTexts)
  const rules = useRoom((state) => state.view.groundRules)
  if (rules.length === 0) return null
  return (
    <section className="principles ground-rules-shown" aria-labelledby="ground-rules-title">
      <h2 id="ground-rules-title" className="principles-title">
        {t('rules.title')}
      </h2>
      <ol>
        {rules.map((rule) => (
          <li key={rule.id}>{rule.text}</li>
        ))}
      </ol>
    </section>
  )
}
