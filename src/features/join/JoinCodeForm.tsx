import { useId, useState, type FormEvent } from 'react'
import { useT } from '../../i18n'
import { useRoom } from '../../store/roomStore'
import { Field } from '../shared/Field'

/** Type the short code from the screen to join a map. */
export function JoinCodeForm() {
  const t = useT()
  const id = useId()
  const [code, setCode] = useState('')
  const [missing, setMissing] = useState(false)

  function onSubmit(event: FormEvent): void {
    event.preventDefault()
    if (code.trim() === '') {
      setMissing(true)
      return
    }
    useRoom.getState().goToJoinCode(code)
  }

  return (
    <form className="panel" onSubmit={onSubmit} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('code.title')}</h2>
      <Field label={t('code.label')} error={missing ? t('code.required') : null}>
        {(control) => (
          <input
            {...control}
            name="code"
            value={code}
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            maxLength={12}
            className="code-input"
            onChange={(event) => {
              setCode(event.target.value)
              setMissing(false)
            }}
          />
        )}
      </Field>
      <button type="submit">{t('code.go')}</button>
    </form>
  )
}
