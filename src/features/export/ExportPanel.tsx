import { useEffect, useState } from 'react'
import { absoluteUrl, roomPath, viewerPath } from '../../routing/router'
import { useT, type Lang } from '../../i18n'
import { useRoom, type MapSecrets } from '../../store/roomStore'
import { download } from './download'
import { bundleTranslator, useTexts } from '../../i18n/bundle'
import { exportTexts } from '../shared/exportTexts'
import { VersionsPart } from '../versions/VersionsPart'

/** The file formats load when someone exports, not with the map. */
const formats = () => import('./formats')
const mapFiles = () => import('../../map/mapFile')

/**
 * The address the PDF may print: a facilitator's read-only watch link when this device has it
 * (paper travels further than the room), otherwise the participant link.
 */
function linkBack(roomId: string, secrets: MapSecrets | null): { url: string; readOnly: boolean } {
  const viewerToken = secrets?.viewerToken
  return viewerToken
    ? { url: absoluteUrl(viewerPath(viewerToken)), readOnly: true }
    : { url: absoluteUrl(roomPath(roomId)), readOnly: false }
}

/**
 * What the live map is on paper once versions were saved: "Werkversie, na versie 2 van 12 maart
 * 2027"; empty before the first or when the server cannot say.
 */
async function sinceVersionLine(lang: Lang): Promise<string> {
  try {
    const [{ versionTexts }, { dayOf }] = await Promise.all([
      import('../versions/texts'),
      import('../versions/useVersions'),
    ])
    const last = (await useRoom.getState().listVersions()).at(-1)
    if (!last) return ''
    const vt = bundleTranslator(versionTexts, lang)
    return vt('pdf.after', { number: last.number, date: dayOf(lang, last.createdAt) })
  } catch {
    return ''
  }
}

/** Take the map home: as a file to import again, the actions for a spreadsheet, or as text. */
export function ExportPanel({ roomId }: { roomId: string }) {
  const t = useT()
  const et = useTexts(exportTexts)
  const level = useRoom((state) => state.level)
  const [size, setSize] = useState<'A3' | 'A4'>('A3')
  const [includeNames, setIncludeNames] = useState(true)
  // Off by default: whoever holds the paper can open the map, so the group chooses this.
  const [includeLink, setIncludeLink] = useState(false)
  const hasPulse = useRoom((state) => state.view.pulse.length > 0)
  const [includePulse, setIncludePulse] = useState(false)
  const secrets = useRoom((state) => state.secrets)
  const link = linkBack(roomId, level === 'facilitator' ? secrets : null)
  const [pdfState, setPdfState] = useState<'idle' | 'busy' | 'failed' | 'offline'>('idle')

  // Back online, "this device is offline" is no longer true: the button is worth pressing again.
  useEffect(() => {
    if (pdfState !== 'offline') return
    const back = () => setPdfState('idle')
    window.addEventListener('online', back)
    return () => window.removeEventListener('online', back)
  }, [pdfState])

  function current() {
    const { view, control, dots } = useRoom.getState()
    return { view, agreed: control.agreed, dots: control.vote?.open ? [] : dots }
  }

  async function onPdf(): Promise<void> {
    setPdfState('busy')
    try {
      // The PDF code and fonts load only now, not with the app (and are kept for offline after).
      const { exportPdf } = await import('./pdf/exportPdf')
      await exportPdf(current(), t, {
        size,
        includeNames,
        link: includeLink ? link.url : null,
        includePulse: hasPulse && includePulse,
        versionLine: await sinceVersionLine(t.lang),
      })
      setPdfState('idle')
    } catch {
      // Offline, what failed is fetching the PDF maker or its fonts: saying so beats "try again".
      setPdfState(navigator.onLine ? 'failed' : 'offline')
    }
  }

  return (
    <section className="export" aria-labelledby="export-title">
      <h2 id="export-title">{et('export.title')}</h2>
      <div className="export-pdf">
        <label className="inline-field">
          <span>{et('export.pdfSize')}</span>
          <select value={size} onChange={(event) => setSize(event.target.value as 'A3' | 'A4')}>
            <option value="A3">A3</option>
            <option value="A4">A4</option>
          </select>
        </label>
        <label className="choice small">
          <input
            type="checkbox"
            checked={includeNames}
            onChange={(event) => setIncludeNames(event.target.checked)}
          />
          <span>{et('export.pdfNames')}</span>
        </label>
        <label className="choice small">
          <input
            type="checkbox"
            checked={includeLink}
            aria-describedby={includeLink ? 'export-link-hint' : undefined}
            onChange={(event) => setIncludeLink(event.target.checked)}
          />
          <span>{et('export.pdfLink')}</span>
        </label>
        {hasPulse && (
          <label className="choice small">
            <input
              type="checkbox"
              checked={includePulse}
              onChange={(event) => setIncludePulse(event.target.checked)}
            />
            <span>{et('export.pdfPulse')}</span>
          </label>
        )}
        {includeLink && (
          <p className="hint" id="export-link-hint">
            {et(link.readOnly ? 'export.pdfLinkViewer' : 'export.pdfLinkMember')}
          </p>
        )}
        <button
          type="button"
          className="primary"
          disabled={pdfState === 'busy'}
          onClick={() => void onPdf()}
        >
          {pdfState === 'busy' ? et('export.pdfBusy') : et('export.pdf')}
        </button>
        {(pdfState === 'failed' || pdfState === 'offline') && (
          <p className="form-error" role="alert">
            {et(pdfState === 'offline' ? 'export.pdfOffline' : 'export.pdfFailed')}
          </p>
        )}
      </div>
      <div className="export-buttons">
        <button
          type="button"
          onClick={async () => {
            const [{ fileName }, { toMapFile }] = await Promise.all([formats(), mapFiles()])
            const { view, agreed } = current()
            const file = toMapFile(view, agreed)
            download(
              fileName(view.meta.title, 'json'),
              `${JSON.stringify(file, null, 2)}\n`,
              'application/json',
            )
          }}
        >
          {et('export.json')}
        </button>
        <button
          type="button"
          onClick={async () => {
            const { actionsCsv, fileName } = await formats()
            const { view } = current()
            download(
              fileName(`${view.meta.title}-acties`, 'csv'),
              actionsCsv(view, t),
              'text/csv;charset=utf-8',
            )
          }}
        >
          {et('export.csv')}
        </button>
        <button
          type="button"
          onClick={async () => {
            const { fileName, mapMarkdown } = await formats()
            const { view, agreed } = current()
            download(
              fileName(view.meta.title, 'md'),
              mapMarkdown(view, agreed, t, new Date(), useRoom.getState().dots),
              'text/markdown;charset=utf-8',
            )
          }}
        >
          {et('export.markdown')}
        </button>
      </div>
      <p className="hint">{et('export.hint')}</p>
      <VersionsPart />
    </section>
  )
}
