import { useState } from 'react'
import { absoluteUrl, facilitatorPath, roomPath, viewerPath } from '../../routing/router'
import { useTexts } from '../../i18n/bundle'
import { shareTexts } from './shareTexts'
import { useRoom } from '../../store/roomStore'
import { JoinCodePanel } from './JoinCodePanel'

interface ShareLink {
  id: string
  label: keyof typeof shareTexts.nl
  hint: keyof typeof shareTexts.nl
  url: string
}

function CopyableLink({ link }: { link: ShareLink }) {
  const st = useTexts(shareTexts)
  const [copied, setCopied] = useState(false)
  const inputId = `share-${link.id}`

  async function copy(): Promise<void> {
    try {
      await navigator.clipboard.writeText(link.url)
      setCopied(true)
      setTimeout(() => setCopied(false), 2500)
    } catch {
      // Clipboard refused (no permission, not a secure context): the field is selected instead.
      document.querySelector<HTMLInputElement>(`#${inputId}`)?.select()
    }
  }

  return (
    <div className="share-link">
      <label htmlFor={inputId} id={`${inputId}-label`}>
        {st(link.label)}
      </label>
      <input id={inputId} readOnly value={link.url} onFocus={(event) => event.target.select()} />
      <button
        type="button"
        id={`${inputId}-copy`}
        aria-labelledby={`${inputId}-copy ${inputId}-label`}
        onClick={() => void copy()}
      >
        {copied ? st('share.copied') : st('share.copy')}
      </button>
      <p className="hint">{st(link.hint)}</p>
      <p className="visually-hidden" role="status">
        {copied ? st('share.copied') : ''}
      </p>
    </div>
  )
}

/**
 * Ways into this map. Everyone sees the participant link; a facilitator also gets the read-only
 * link for the big screen and the secret co-facilitation link.
 */
export function SharePanel({ roomId }: { roomId: string }) {
  const st = useTexts(shareTexts)
  const level = useRoom((state) => state.level)
  const kept = useRoom((state) => state.secrets)
  const secrets = level === 'facilitator' ? kept : null
  const links: ShareLink[] = [
    {
      id: 'participant',
      label: 'share.participant',
      hint: 'share.participantHint',
      url: absoluteUrl(roomPath(roomId)),
    },
  ]
  if (secrets?.viewerToken) {
    links.push({
      id: 'viewer',
      label: 'share.viewer',
      hint: 'share.viewerHint',
      url: absoluteUrl(viewerPath(secrets.viewerToken)),
    })
  }
  if (secrets) {
    links.push({
      id: 'facilitator',
      label: 'share.facilitator',
      hint: 'share.facilitatorHint',
      url: absoluteUrl(facilitatorPath(roomId, secrets.facilitatorKey, secrets.viewerToken)),
    })
  }
  return (
    <section className="share" aria-labelledby="share-title">
      <h2 id="share-title">{st('share.title')}</h2>
      {level === 'facilitator' && <JoinCodePanel />}
      {links.map((link) => (
        <CopyableLink key={link.id} link={link} />
      ))}
    </section>
  )
}
