import { useState, type FormEvent } from 'react'
import { useT } from '../../i18n'
import { useTexts } from '../../i18n/bundle'
import { mapToolTexts } from './mapToolTexts'
import { LIMITS } from '../../map'
import { useRoom } from '../../store/roomStore'
import { Field } from '../shared/Field'

/**
 * The facilitator changes the map's title, description and the card's version (printed on the
 * PDF). Folded away by default: it is needed once or twice in a session.
 */
export function MapDetailsForm() {
  const t = useT()
  const mt = useTexts(mapToolTexts)
  const meta = useRoom((state) => state.view.meta)
  const [open, setOpen] = useState(false)
  const [title, setTitle] = useState(meta.title)
  const [description, setDescription] = useState(meta.description)
  const [cardVersion, setCardVersion] = useState(meta.cardVersion)
  const [saved, setSaved] = useState(false)

  function onToggle(nowOpen: boolean): void {
    setOpen(nowOpen)
    if (nowOpen) {
      // Start from what the map says now: someone else may have changed it meanwhile.
      setTitle(meta.title)
      setDescription(meta.description)
      setCardVersion(meta.cardVersion)
      setSaved(false)
    }
  }

  function onSubmit(event: FormEvent): void {
    event.preventDefault()
    setSaved(useRoom.getState().updateMapDetails({ title, description, cardVersion }))
  }

  return (
    <details
      className="map-details"
      open={open}
      onToggle={(event) => onToggle(event.currentTarget.open)}
    >
      <summary>{mt('details.edit')}</summary>
      <form onSubmit={onSubmit} noValidate>
        <Field label={t('home.mapTitle')}>
          {(control) => (
            <input
              {...control}
              value={title}
              maxLength={LIMITS.title}
              required
              onChange={(event) => {
                setTitle(event.target.value)
                setSaved(false)
              }}
            />
          )}
        </Field>
        <Field label={t('home.description')}>
          {(control) => (
            <textarea
              {...control}
              value={description}
              maxLength={LIMITS.description}
              rows={3}
              onChange={(event) => {
                setDescription(event.target.value)
                setSaved(false)
              }}
            />
          )}
        </Field>
        <Field label={mt('details.version')}>
          {(control) => (
            <input
              {...control}
              value={cardVersion}
              maxLength={LIMITS.cardVersion}
              placeholder={mt('details.versionHint')}
              onChange={(event) => {
                setCardVersion(event.target.value)
                setSaved(false)
              }}
            />
          )}
        </Field>
        <div className="actions">
          <button type="submit" className="primary">
            {mt('details.save')}
          </button>
          <span role="status" className="hint">
            {saved ? mt('details.saved') : ''}
          </span>
        </div>
      </form>
    </details>
  )
}
