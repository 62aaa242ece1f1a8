import {
  lazy,
  Suspense,
  useEffect,
  useId,
  useRef,
  useState,
  type FormEvent,
  type KeyboardEvent,
} from 'react'
import { useT } from '../../i18n'
import { useTexts } from '../../i18n/bundle'
import { noteFormTexts } from './noteFormTexts'
import {
  cardOrder,
  carriesOwners,
  LIMITS,
  OWNER_KINDS,
  type ActionOwner,
  type ColumnId,
  type OwnerKind,
  ROLES,
  type Role,
  type Side,
  SIDES,
  takesHolds,
} from '../../map'
import { useRoom } from '../../store/roomStore'
import { mayWriteTo } from '../../store/selectors'
import { Field } from '../shared/Field'

// Example values load with the first form for a value, not with every form.
const StarterValues = lazy(() =>
  import('./StarterValues').then((m) => ({ default: m.StarterValues })),
)

export interface NoteDraft {
  text: string
  column: ColumnId
  owner: ActionOwner
  /** Written down for someone without a device; null for one's own note. */
  proxyFor?: ProxyFor | null
}

/** The person a proxy note is written for: the roles of the join form, "anders" in words. */
export interface ProxyFor {
  name: string
  role: Role
  roleLabel: string
  side: Side
}

interface Props {
  initial: NoteDraft
  /** Show the column choice (when editing: a keyboard- and phone-friendly way to move). */
  allowColumnChange: boolean
  submitLabel: string
  onSubmit(draft: NoteDraft): void
  onCancel(): void
  /** Offer to write the note on behalf of someone without a device. */
  allowProxy?: boolean
  /** A new action: who does it (ik, wij, anderen) is chosen, never assumed. */
  askOwner?: boolean
}

/** Writes or edits one note; an action also gets who does it and when. */
export function NoteForm({
  initial,
  allowColumnChange,
  submitLabel,
  onSubmit,
  onCancel,
  askOwner = false,
  allowProxy = false,
}: Props) {
  const t = useT()
  const nt = useTexts(noteFormTexts)
  const id = useId()
  const [text, setText] = useState(initial.text)
  const [column, setColumn] = useState<ColumnId>(initial.column)
  const board = useRoom((state) => state.view.board)
  const facilitation = useRoom((state) => state.control)
  const level = useRoom((state) => state.level)
  const [ownerKind, setOwnerKind] = useState<OwnerKind | null>(askOwner ? null : initial.owner.kind)
  const [showOwnerRequired, setShowOwnerRequired] = useState(false)
  const ownerRef = useRef<HTMLFieldSetElement>(null)
  const [ownerName, setOwnerName] = useState(initial.owner.name)
  const [ownerWhen, setOwnerWhen] = useState(initial.owner.when)
  const [showRequired, setShowRequired] = useState(false)
  const [proxy, setProxy] = useState(false)
  const [proxyName, setProxyName] = useState('')
  const [proxyRole, setProxyRole] = useState<Role>('bewoner')
  const [proxyLabel, setProxyLabel] = useState('')
  const [proxySide, setProxySide] = useState<Side>('informal')
  const proxyLabelRef = useRef<HTMLInputElement>(null)
  const textRef = useRef<HTMLTextAreaElement>(null)

  useEffect(() => {
    const box = textRef.current
    if (!box) return
    box.focus()
    // Editing goes on where the text ends, as in any editor.
    box.setSelectionRange(box.value.length, box.value.length)
  }, [])

  const length = text.trim().length
  const tooLong = length > LIMITS.noteText
  const left = LIMITS.noteText - length

  function submit(event?: FormEvent): void {
    event?.preventDefault()
    if (length === 0) {
      setShowRequired(true)
      textRef.current?.focus()
      return
    }
    if (tooLong) {
      textRef.current?.focus()
      return
    }
    if (carriesOwners(board, column) && ownerKind === null) {
      setShowOwnerRequired(true)
      ownerRef.current?.querySelector('input')?.focus()
      return
    }
    if (allowProxy && proxy && proxyRole === 'anders' && !proxyLabel.trim()) {
      proxyLabelRef.current?.focus()
      return
    }
    onSubmit({
      text,
      column,
      owner: { kind: ownerKind ?? 'wij', name: ownerName, when: ownerWhen },
      proxyFor:
        allowProxy && proxy
          ? { name: proxyName, role: proxyRole, roleLabel: proxyLabel.trim(), side: proxySide }
          : null,
    })
    if (!allowColumnChange) {
      // Adding: keep the form open for the next idea ("quantity over quality").
      setText('')
      setOwnerName('')
      setOwnerWhen('')
      if (askOwner) setOwnerKind(null)
      // A note for someone else is one note: the next one is the writer's own again.
      setProxy(false)
      setProxyName('')
      textRef.current?.focus()
      // The new note appears above the form and pushes it down: keep the form in view.
      requestAnimationFrame(() =>
        textRef.current?.closest('form')?.scrollIntoView?.({ block: 'nearest' }),
      )
    }
  }

  function onKeyDown(event: KeyboardEvent<HTMLFormElement>): void {
    if (event.key === 'Escape') {
      event.preventDefault()
      event.stopPropagation()
      onCancel()
    } else if (
      event.key === 'Enter' &&
      !event.shiftKey &&
      event.target instanceof HTMLTextAreaElement
    ) {
      event.preventDefault()
      submit()
    }
  }

  const status = tooLong
    ? nt('note.tooLong', { max: LIMITS.noteText })
    : showRequired && length === 0
      ? nt('note.required')
      : nt('note.charsLeft', { count: left })

  return (
    <form className="note-form" onSubmit={submit} onKeyDown={onKeyDown} noValidate>
      <Field
        label={nt('note.text')}
        hideLabel
        describedBy={`${id}-status ${id}-hint`}
        invalid={tooLong || (showRequired && length === 0)}
      >
        {(control) => (
          <textarea
            {...control}
            ref={textRef}
            name="text"
            value={text}
            rows={3}
            onChange={(event) => {
              setText(event.target.value)
              setShowRequired(false)
            }}
          />
        )}
      </Field>
      <p
        id={`${id}-status`}
        className={tooLong || (showRequired && length === 0) ? 'form-error' : 'form-status'}
        aria-live="polite"
      >
        {status}
      </p>
      <p id={`${id}-hint`} className="visually-hidden">
        {nt('note.saveHint')}
      </p>
      {!allowColumnChange && takesHolds(board, column) && (
        <Suspense fallback={null}>
          <StarterValues
            onPick={(start) => {
              setText((before) => (before.trim() ? `${before.trimEnd()} ${start}` : start))
              requestAnimationFrame(() => {
                const box = textRef.current
                box?.focus()
                box?.setSelectionRange(box.value.length, box.value.length)
              })
            }}
          />
        </Suspense>
      )}
      {carriesOwners(board, column) && (
        <div className="owner-fields">
          <fieldset
            className="choices inline"
            ref={ownerRef}
            aria-describedby={
              showOwnerRequired && ownerKind === null ? `${id}-owner-error` : undefined
            }
          >
            <legend>{t('owner.kind')}</legend>
            {OWNER_KINDS.map((kind) => (
              <label key={kind} className="choice">
                <input
                  type="radio"
                  name={`${id}-owner`}
                  value={kind}
                  checked={ownerKind === kind}
                  onChange={() => {
                    setOwnerKind(kind)
                    setShowOwnerRequired(false)
                  }}
                />
                <span>{t(`owner.${kind}`)}</span>
              </label>
            ))}
          </fieldset>
          {showOwnerRequired && ownerKind === null && (
            <p id={`${id}-owner-error`} className="form-error" role="alert">
              {nt('owner.required')}
            </p>
          )}
          <Field label={nt('owner.name')}>
            {(control) => (
              <input
                {...control}
                name="ownerName"
                value={ownerName}
                maxLength={LIMITS.ownerName}
                onChange={(event) => setOwnerName(event.target.value)}
              />
            )}
          </Field>
          <Field label={nt('owner.when')} hint={nt('owner.whenHint', { max: LIMITS.ownerWhen })}>
            {(control) => (
              <input
                {...control}
                name="ownerWhen"
                value={ownerWhen}
                maxLength={LIMITS.ownerWhen}
                onChange={(event) => setOwnerWhen(event.target.value)}
              />
            )}
          </Field>
        </div>
      )}
      {allowProxy && (
        <div className="proxy-fields">
          <label className="choice">
            <input
              type="checkbox"
              name="proxy"
              checked={proxy}
              onChange={(event) => setProxy(event.target.checked)}
            />
            <span>{nt('proxy.toggle')}</span>
          </label>
          {proxy && (
            <>
              <Field label={nt('proxy.name')}>
                {(control) => (
                  <input
                    {...control}
                    name="proxyName"
                    value={proxyName}
                    maxLength={LIMITS.name}
                    onChange={(event) => setProxyName(event.target.value)}
                  />
                )}
              </Field>
              <fieldset className="choices inline">
                <legend>{nt('proxy.role')}</legend>
                {ROLES.map((role) => (
                  <label key={role} className="choice">
                    <input
                      type="radio"
                      name={`${id}-proxy-role`}
                      value={role}
                      checked={proxyRole === role}
                      onChange={() => setProxyRole(role)}
                    />
                    <span>{t(`role.${role}`)}</span>
                  </label>
                ))}
              </fieldset>
              {proxyRole === 'anders' && (
                <>
                  <Field label={t('join.otherRole')}>
                    {(control) => (
                      <input
                        {...control}
                        ref={proxyLabelRef}
                        name="proxyRoleLabel"
                        value={proxyLabel}
                        maxLength={LIMITS.roleLabel}
                        required
                        onChange={(event) => setProxyLabel(event.target.value)}
                      />
                    )}
                  </Field>
                  <fieldset className="choices inline">
                    <legend>{t('join.side')}</legend>
                    {SIDES.map((side) => (
                      <label key={side} className="choice">
                        <input
                          type="radio"
                          name={`${id}-proxy-side`}
                          value={side}
                          checked={proxySide === side}
                          onChange={() => setProxySide(side)}
                        />
                        <span>{t(`side.${side}Long`)}</span>
                      </label>
                    ))}
                  </fieldset>
                </>
              )}
            </>
          )}
        </div>
      )}
      {allowColumnChange && (
        <Field label={nt('note.column')}>
          {(control) => (
            <select
              {...control}
              name="column"
              value={column}
              onChange={(event) => setColumn(event.target.value as ColumnId)}
            >
              {cardOrder(board)
                // A locked column is no choice: the lock holds for the edit form too.
                .filter(
                  (option) => option === initial.column || mayWriteTo(facilitation, level, option),
                )
                .map((option) => (
                  <option key={option} value={option}>
                    {t(`column.${option}`)}
                  </option>
                ))}
            </select>
          )}
        </Field>
      )}
      <div className="actions">
        <button type="submit" className="primary" disabled={tooLong}>
          {submitLabel}
        </button>
        <button type="button" onClick={onCancel}>
          {nt('note.cancel')}
        </button>
      </div>
    </form>
  )
}
