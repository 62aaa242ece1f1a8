import { useId, useState } from 'react'
import { useLang } from '../../i18n'
import { useTexts } from '../../i18n/bundle'
import { isVersionLabel, MAX_VERSION_LABEL } from '../../../shared/protocol'
import { useRoom } from '../../store/roomStore'
import type { CardVersionInfo } from '../../store/versionActions'
import { Field } from '../shared/Field'
import { useVersionView } from './state'
import { versionTexts } from './texts'
import { dayOf, useVersions } from './useVersions'
import './versions.css'

/** "Versie 2 — 12 maart 2027 · na bijeenkomst 1": how a version is named everywhere. */
export function useVersionName() {
  const vt = useTexts(versionTexts)
  const lang = useLang((state) => state.lang)
  return (version: CardVersionInfo) =>
    [
      vt('version.name', { number: version.number, date: dayOf(lang, version.createdAt) }),
      version.label,
    ]
      .filter(Boolean)
      .join(' · ')
}

/**
 * Saved versions in the "Bewaren" panel: the facilitator saves the map as the next version (on
 * the server, where it never changes); anyone in the map opens one read only, or compares two.
 */
export function VersionsPart() {
  const vt = useTexts(versionTexts)
  const id = useId()
  const level = useRoom((state) => state.level)
  const { versions, refresh } = useVersions()
  const name = useVersionName()
  const show = useVersionView((state) => state.show)
  const list = Array.isArray(versions) ? versions : []
  const [from, setFrom] = useState<number | null>(null)
  const [to, setTo] = useState<number | 'now'>('now')
  const shownFrom = from ?? list.at(-1)?.number ?? null

  return (
    <section className="export-part versions-part" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{vt('part.title')}</h3>
      <p className="hint">{vt('part.intro')}</p>
      {level === 'facilitator' && <SaveVersion onSaved={refresh} />}
      <h4>{vt('list.title')}</h4>
      {versions === 'loading' && <p role="status">{vt('list.loading')}</p>}
      {versions === 'failed' && <p className="form-error">{vt('list.failed')}</p>}
      {Array.isArray(versions) && versions.length === 0 && <p>{vt('list.none')}</p>}
      {list.length > 0 && (
        <ol className="versions-list">
          {[...list].reverse().map((version) => (
            <li key={version.number}>
              <span>{name(version)}</span>
              <button
                type="button"
                aria-label={vt('version.openLabel', { number: version.number })}
                onClick={() => show({ kind: 'one', number: version.number })}
              >
                {vt('version.open')}
              </button>
            </li>
          ))}
        </ol>
      )}
      {list.length > 0 && shownFrom !== null && (
        <fieldset className="versions-compare">
          <legend>{vt('compare.title')}</legend>
          <label>
            <span>{vt('compare.from')}</span>
            <select value={shownFrom} onChange={(event) => setFrom(Number(event.target.value))}>
              {list.map((version) => (
                <option key={version.number} value={version.number}>
                  {name(version)}
                </option>
              ))}
            </select>
          </label>
          <label>
            <span>{vt('compare.to')}</span>
            <select
              value={to}
              onChange={(event) =>
                setTo(event.target.value === 'now' ? 'now' : Number(event.target.value))
              }
            >
              <option value="now">{vt('compare.now')}</option>
              {list.map((version) => (
                <option key={version.number} value={version.number}>
                  {name(version)}
                </option>
              ))}
            </select>
          </label>
          <button type="button" onClick={() => show({ kind: 'compare', from: shownFrom, to })}>
            {vt('compare.button')}
          </button>
        </fieldset>
      )}
    </section>
  )
}

function SaveVersion({ onSaved }: { onSaved(): void }) {
  const vt = useTexts(versionTexts)
  const [label, setLabel] = useState('')
  const [state, setState] = useState<{ busy: boolean; message: string; error: boolean }>({
    busy: false,
    message: '',
    error: false,
  })

  async function save(): Promise<void> {
    // Checked here as the server checks it: a pasted hidden character gets its own message.
    if (!isVersionLabel(label.trim())) {
      setState({ busy: false, message: vt('save.bad-label'), error: true })
      return
    }
    setState({ busy: true, message: vt('save.busy'), error: false })
    const saved = await useRoom.getState().saveVersion(label.trim())
    if (typeof saved === 'string') {
      setState({ busy: false, message: vt(`save.${saved}`), error: true })
      return
    }
    setLabel('')
    setState({ busy: false, message: vt('save.done', { number: saved.number }), error: false })
    onSaved()
  }

  return (
    <form
      className="versions-save"
      onSubmit={(event) => {
        event.preventDefault()
        if (!state.busy) void save()
      }}
    >
      <Field label={vt('save.label')} hint={vt('save.hint')}>
        {(control) => (
          <input
            {...control}
            value={label}
            maxLength={MAX_VERSION_LABEL}
            onChange={(event) => setLabel(event.target.value.replace(/[\r\n\t]/g, ' '))}
          />
        )}
      </Field>
      <button type="submit" className="primary" disabled={state.busy}>
        {vt('save.button')}
      </button>
      <p className={state.error ? 'form-error' : 'hint'} role="status">
        {state.message}
      </p>
    </form>
  )
}
