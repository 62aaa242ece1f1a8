import { useId, useState, type FormEvent } from 'react'
import { useT } from '../../i18n'
import { LIMITS, ROLE_SIDE, ROLES, SIDES, type Participant, type Role, type Side } from '../../map'
import { useRoom } from '../../store/roomStore'
import { Field } from '../shared/Field'

interface Props {
  initial: Participant | null
  onJoined(participant: Participant): void
  onCancel?: () => void
}

/**
 * Asks name and role: for "anders" the role in words and its side, for another role what it is
 * more precisely, if they like.
 */
export function JoinForm({ initial, onJoined, onCancel }: Props) {
  const t = useT()
  const id = useId()
  const [name, setName] = useState(initial?.name ?? '')
  const [role, setRole] = useState<Role | null>(initial?.role ?? null)
  const [roleLabel, setRoleLabel] = useState(initial?.roleLabel ?? '')
  const [side, setSide] = useState<Side>(initial?.side ?? 'informal')
  const [error, setError] = useState<string | null>(null)
  const facilitator = useRoom((state) => state.level === 'facilitator')

  function onSubmit(event: FormEvent): void {
    event.preventDefault()
    const trimmedName = name.trim()
    const trimmedLabel = roleLabel.trim()
    if (!trimmedName || !role || (role === 'anders' && !trimmedLabel)) {
      setError(t('error.invalid-participant'))
      return
    }
    const participant = useRoom.getState().rememberIdentity(
      {
        name: trimmedName,
        role,
        roleLabel: trimmedLabel,
        side: role === 'anders' ? side : ROLE_SIDE[role],
      },
      initial?.id,
    )
    onJoined(participant)
  }

  return (
    <form className="join-form" onSubmit={onSubmit} noValidate aria-labelledby={`${id}-title`}>
      {/* Whoever made the map is greeted as its facilitator: they lead, and may write too. */}
      <h2 id={`${id}-title`}>{t(facilitator ? 'join.facilitatorTitle' : 'join.title')}</h2>
      <p>{t(facilitator ? 'join.facilitatorIntro' : 'join.intro')}</p>
      <Field label={t('join.name')} hint={t('join.nameHint')}>
        {(control) => (
          <input
            {...control}
            name="name"
            value={name}
            maxLength={LIMITS.name}
            autoComplete="nickname"
            onChange={(event) => setName(event.target.value)}
            required
          />
        )}
      </Field>
      <fieldset className="choices">
        <legend>{t('join.role')}</legend>
        {ROLES.map((option) => (
          <label key={option} className="choice">
            <input
              type="radio"
              name="role"
              value={option}
              checked={role === option}
              onChange={() => setRole(option)}
            />
            <span>{t(`role.${option}`)}</span>
          </label>
        ))}
      </fieldset>
      {role !== null && role !== 'anders' && (
        <Field label={t('join.roleDetail')} hint={t('join.roleDetailHint')}>
          {(control) => (
            <input
              {...control}
              name="roleDetail"
              value={roleLabel}
              maxLength={LIMITS.roleLabel}
              onChange={(event) => setRoleLabel(event.target.value)}
            />
          )}
        </Field>
      )}
      {role === 'anders' && (
        <>
          <Field label={t('join.otherRole')}>
            {(control) => (
              <input
                {...control}
                name="roleLabel"
                value={roleLabel}
                maxLength={LIMITS.roleLabel}
                onChange={(event) => setRoleLabel(event.target.value)}
                required
              />
            )}
          </Field>
          <fieldset className="choices">
            <legend>{t('join.side')}</legend>
            {SIDES.map((option) => (
              <label key={option} className="choice">
                <input
                  type="radio"
                  name="side"
                  value={option}
                  checked={side === option}
                  onChange={() => setSide(option)}
                />
                <span>{t(option === 'formal' ? 'side.formalLong' : 'side.informalLong')}</span>
              </label>
            ))}
          </fieldset>
        </>
      )}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <div className="actions">
        <button type="submit" className="primary">
          {t('join.submit')}
        </button>
        {onCancel && (
          <button type="button" onClick={onCancel}>
            {t('join.cancel')}
          </button>
        )}
      </div>
    </form>
  )
}
