import { useT } from '../../i18n'
import { toMapFile } from '../../map'
import { useRoom } from '../../store/roomStore'
import { download } from './download'
import { actionsCsv, fileName, mapMarkdown } from './formats'

/** Take the map home: as a file to import again, the actions for a spreadsheet, or as text. */
export function ExportPanel() {
  const t = useT()

  function current() {
    const { view, control } = useRoom.getState()
    return { view, agreed: control.agreed }
  }

  return (
    <section className="export" aria-labelledby="export-title">
      <h2 id="export-title">{t('export.title')}</h2>
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
