import { useState } from 'react'
import { roomPath } from '../../app/router'
import { useT } from '../../i18n'

/** The link to this map, with a copy button; the link is the only key to the room. */
export function SharePanel({ roomId }: { roomId: string }) {
  const t = useT()
  const [copied, setCopied] = useState(false)
  const link = `${window.location.origin}${roomPath(roomId)}`

  async function copy(): Promise<void> {
    try {
      await navigator.clipboard.writeText(link)
      setCopied(true)
      setTimeout(() => setCopied(false), 2500)
    } catch {
      // Clipboard refused (no permission, not a secure context): the field is selected instead.
      document.querySelector<HTMLInputElement>('#share-link')?.select()
    }
  }

  return (
    <section className="share" aria-labelledby="share-title">
      <h2 id="share-title">{t('share.title')}</h2>
      <label className="field">
        <span className="visually-hidden">{t('share.link')}</span>
        <input id="share-link" readOnly value={link} onFocus={(event) => event.target.select()} />
      </label>
      <button type="button" onClick={() => void copy()}>
        {copied ? t('share.copied') : t('share.copy')}
      </button>
      <p className="hint">{t('share.hint')}</p>
      <p className="visually-hidden" role="status">
        {copied ? t('share.copied') : ''}
      </p>
    </section>
  )
}
