import { useState } from 'react'
import { keyFileOfThisDevice, restoreKeyFile } from '../../store/keys'
import { useRoom } from '../../store/roomStore'
import { download } from '../export/download'
import { Field } from '../shared/Field'
import { useTexts } from '../../i18n/bundle'
import { keysTexts } from './texts'

/**
 * A facilitator saves the keys of all their maps to a file and restores them on another device
 * (or after the browser forgot them), so months of a partnership do not hang on one laptop.
 */
export function KeysPanel() {
  const kt = useTexts(keysTexts)
  // Read when the panel shows and after a restore: the keys live in this browser's storage.
  const [count, setCount] = useState(() => keyFileOfThisDevice().count)
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null)

  function save(): void {
    const { text } = keyFileOfThisDevice()
    const date = new Date().toISOString().slice(0, 10)
    download(`partnerschapskaart-sleutels-${date}.json`, text, 'application/json')
  }

  async function restore(file: File | undefined): Promise<void> {
    if (!file) return
    const result = restoreKeyFile(await file.text())
    if (!result.ok) {
      setMessage({ error: true, text: kt(`keys.${result.problem}`) })
      return
    }
    useRoom.getState().refreshRecentMaps()
    setCount(keyFileOfThisDevice().count)
    setMessage({ error: false, text: kt('keys.restored', { count: result.count }) })
  }

  return (
    <section className="panel" aria-labelledby="keys-title">
      <h2 id="keys-title">{kt('keys.title')}</h2>
      <p>{kt('keys.intro')}</p>
      {count > 0 && (
        <>
          <p className="hint">{kt('keys.warning', { count })}</p>
          <button type="button" onClick={save}>
            {kt('keys.save')}
          </button>
        </>
      )}
      <Field label={kt('keys.restore')}>
        {(control) => (
          <input
            {...control}
            type="file"
            accept="application/json,.json"
            onChange={(event) => void restore(event.target.files?.[0])}
          />
        )}
      </Field>
      {message && (
        <p
          className={message.error ? 'form-error' : 'form-status'}
          role={message.error ? 'alert' : 'status'}
        >
          {message.text}
        </p>
      )}
    </section>
  )
}
