import { useState } from 'react'
import { useT } from '../../i18n'
import { toMapFile } from '../../map'
import { useRoom } from '../../store/roomStore'
import { download } from './download'
import { actionsCsv, fileName, mapMarkdown } from './formats'

/** Take the map home: as a file to import again, the actions for a spreadsheet, or as text. */
export function ExportPanel() {
  const t = useT()
  const [size, setSize] = useState<'A3' | 'A4'>('A3')
  const [includeNames, setIncludeNames] = useState(true)
  const [pdfState, setPdfState] = useState<'idle' | 'busy' | 'failed'>('idle')

  function current() {
    const { view, control, dots } = useRoom.getState()
    return { view, agreed: control.agreed, dots: control.vote?.open ? [] : dots }
  }

  async function onPdf(): Promise<void> {
    setPdfState('busy')
    try {
      // The PDF code and fonts load only now, not with the app.
      const { exportPdf } = await import('./pdf/exportPdf')
      await exportPdf(current(), t, { size, includeNames })
      setPdfState('idle')
    } catch {
      setPdfState('failed')
    }
  }

  return (
    <section className="export" aria-labelledby="export-title">
      <h2 id="export-title">{t('export.title')}</h2>
      <div className="export-pdf">
        <label className="inline-field">
          <span>{t('export.pdfSize')}</span>
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
          <span>{t('export.pdfNames')}</span>
        </label>
        <button
          type="button"
          className="primary"
          disabled={pdfState === 'busy'}
          onClick={() => void onPdf()}
        >
          {pdfState === 'busy' ? t('export.pdfBusy') : t('export.pdf')}
        </button>
        {pdfState === 'failed' && (
          <p className="form-error" role="alert">
            {t('export.pdfFailed')}
          </p>
        )}
      </div>
      <div className="export-buttons">
        <button
          type="button"
          onClick={() => {
            const { view, agreed } = current()
            const file = toMapFile(view, agreed)
            download(
              fileName(view.meta.title, 'json'),
              `${JSON.stringify(file, null, 2)}\n`,
              'application/json',
            )
          }}
        >
          {t('export.json')}
        </button>
        <button
          type="button"
          onClick={() => {
            const { view } = current()
            download(
              fileName(`${view.meta.title}-acties`, 'csv'),
              actionsCsv(view, t),
              'text/csv;charset=utf-8',
            )
          }}
        >
          {t('export.csv')}
        </button>
        <button
          type="button"
          onClick={() => {
            const { view, agreed } = current()
            download(
              fileName(view.meta.title, 'md'),
              mapMarkdown(view, agreed, t, new Date()),
              'text/markdown;charset=utf-8',
            )
          }}
        >
          {t('export.markdown')}
        </button>
      </div>
      <p className="hint">{t('export.hint')}</p>
    </section>
  )
}
