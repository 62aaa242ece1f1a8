import { useEffect, useRef, useState } from 'react'
import { createPortal } from 'react-dom'
import { useT, type Translate } from '../../i18n'
import { useTexts, type BundleTranslate } from '../../i18n/bundle'
import {
  cardOrder,
  stepOf,
  today,
  type ColumnId,
  type MapView,
  type Note,
  type NoteChange,
} from '../../map'
import { useRoom } from '../../store/roomStore'
import { bylineOf, followUpLine, ownerLine } from '../shared/noteText'
import { useVersionView, type ShownVersion } from './state'
import { versionTexts } from './texts'
import { useVersionName } from './VersionsPart'
import { dayOf, useVersions } from './useVersions'
import './versions.css'

type Texts = BundleTranslate<keyof typeof versionTexts.nl>

interface Loaded {
  view: MapView
  agreed: ReadonlySet<string>
}

/** A saved version, read from the server and checked as any map is. */
async function openVersion(number: number): Promise<Loaded> {
  const [{ map, control }, { viewSnapshot }] = await Promise.all([
    useRoom.getState().loadVersion(number),
    import('../../map/versions'),
  ])
  return viewSnapshot(map, control)
}

/**
 * A saved version over the whole room, read only: its columns in the card's order, or two
 * versions compared (what was added, removed, changed or moved, per column). It is this
 * person's own screen; the room goes on under it. Escape or "Sluiten" goes back.
 */
export function VersionView() {
  const shown = useVersionView((state) => state.shown)
  if (!shown) return null
  // Another version shown is another dialog, loaded afresh.
  return createPortal(<VersionDialog key={JSON.stringify(shown)} shown={shown} />, document.body)
}

function VersionDialog({ shown }: { shown: ShownVersion }) {
  const t = useT()
  const vt = useTexts(versionTexts)
  const heading = useRef<HTMLHeadingElement>(null)
  const close = useVersionView((state) => state.close)
  const live = useRoom((state) => state.view)
  const { versions } = useVersions()
  const name = useVersionName()
  const [loaded, setLoaded] = useState<{ from: Loaded; to: Loaded | null } | 'failed' | null>(null)

  const fromNumber = shown.kind === 'one' ? shown.number : shown.from
  const toNumber = shown.kind === 'compare' ? shown.to : null
  useEffect(() => {
    let current = true
    Promise.all([
      openVersion(fromNumber),
      typeof toNumber === 'number' ? openVersion(toNumber) : Promise.resolve(null),
    ]).then(
      ([from, to]) => current && setLoaded({ from, to }),
      () => current && setLoaded('failed'),
    )
    return () => {
      current = false
    }
  }, [fromNumber, toNumber])

  useEffect(() => {
    // The room under it cannot be reached while it is open; a screen reader lands on its name.
    const root = document.getElementById('root')
    root?.setAttribute('inert', '')
    heading.current?.focus()
    return () => root?.removeAttribute('inert')
  }, [])

  const info = (number: number) =>
    Array.isArray(versions) ? versions.find((version) => version.number === number) : undefined
  const titleOf = (number: number | 'now') => {
    if (number === 'now') return vt('compare.now')
    const found = info(number)
    return found ? name(found) : vt('version.name', { number, date: '' }).replace(/ — $/, '')
  }
  const title =
    shown.kind === 'one'
      ? titleOf(shown.number)
      : vt('view.compared', { from: titleOf(shown.from), to: titleOf(shown.to) })

  return (
    <div
      className={`version-view${shown.kind === 'compare' ? ' version-compare' : ''}`}
      role="dialog"
      aria-modal="true"
      aria-labelledby="version-view-title"
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault()
          close()
        }
      }}
    >
      <header className="version-view-head">
        <h2 id="version-view-title" ref={heading} tabIndex={-1}>
          {title}
        </h2>
        <span className="version-badge">{vt('view.readOnly')}</span>
        <div className="actions">
          {shown.kind === 'one' && loaded && loaded !== 'failed' && (
            <VersionPdf loaded={loaded.from} line={versionLine(vt, t, info(shown.number))} />
          )}
          <button type="button" onClick={close}>
            {vt('view.close')}
          </button>
        </div>
      </header>
      {loaded === null && <p role="status">{vt('view.loading')}</p>}
      {loaded === 'failed' && <p className="form-error">{vt('view.failed')}</p>}
      {loaded && loaded !== 'failed' && shown.kind === 'one' && (
        <OneVersion view={loaded.from.view} />
      )}
      {loaded && loaded !== 'failed' && shown.kind === 'compare' && (
        <Compared
          before={loaded.from.view}
          after={loaded.to?.view ?? live}
          beforeName={vt('version.short', { number: shown.from })}
          afterName={
            shown.to === 'now' ? vt('compare.now') : vt('version.short', { number: shown.to })
          }
        />
      )}
    </div>
  )
}

/** "Bewaarde versie 2 van 12 maart 2027", for the PDF of a saved version. */
function versionLine(
  vt: Texts,
  t: Translate,
  version: { number: number; createdAt: number } | undefined,
): string {
  return version
    ? vt('pdf.saved', { number: version.number, date: dayOf(t.lang, version.createdAt) })
    : ''
}

function VersionPdf({ loaded, line }: { loaded: Loaded; line: string }) {
  const t = useT()
  const vt = useTexts(versionTexts)
  const [failed, setFailed] = useState(false)
  return (
    <>
      <button
        type="button"
        onClick={async () => {
          try {
            const { exportPdf } = await import('../export/pdf/exportPdf')
            await exportPdf({ view: loaded.view, agreed: loaded.agreed, dots: [] }, t, {
              size: 'A3',
              includeNames: true,
              link: null,
              includePulse: false,
              versionLine: line,
            })
            setFailed(false)
          } catch {
            setFailed(true)
          }
        }}
      >
        {vt('view.pdf')}
      </button>
      {failed && <span className="form-error">{vt('view.pdfFailed')}</span>}
    </>
  )
}

function columnHeading(t: Translate, view: MapView, column: ColumnId): string {
  return `${stepOf(view.board, column)}. ${t(`column.${column}`)}`
}

/** One saved version: every column in the card's order, every note as it was. */
function OneVersion({ view }: { view: MapView }) {
  const t = useT()
  const vt = useTexts(versionTexts)
  return (
    <div className="version-columns">
      {cardOrder(view.board).map((column) => (
        <section
          key={column}
          className="version-column"
          aria-label={columnHeading(t, view, column)}
        >
          <h3>{columnHeading(t, view, column)}</h3>
          {view.columns[column].length === 0 ? (
            <p className="hint">{vt('view.empty')}</p>
          ) : (
            <ul className="version-notes">
              {view.columns[column].map((note) => (
                <li key={note.id} className="version-note">
                  <VersionNote note={note} />
                </li>
              ))}
            </ul>
          )}
        </section>
      ))}
    </div>
  )
}

function VersionNote({ note }: { note: Note }) {
  const t = useT()
  const owner = ownerLine(t, note)
  const followUp = followUpLine(t, note, today())
  return (
    <>
      <span className="note-ref">{note.label}</span>
      <p>{note.text}</p>
      {owner && <p className="note-owner">{owner}</p>}
      {followUp && <p className="note-followup">{followUp.text}</p>}
      <p className="note-author">{bylineOf(t, note)}</p>
    </>
  )
}

/** Two versions compared, per column: each change with what it was beside what it became. */
function Compared({
  before,
  after,
  beforeName,
  afterName,
}: {
  before: MapView
  after: MapView
  beforeName: string
  afterName: string
}) {
  const t = useT()
  const vt = useTexts(versionTexts)
  const [columns, setColumns] = useState<{ column: ColumnId; changes: readonly NoteChange[] }[]>()
  useEffect(() => {
    void import('../../map/versions').then(({ compareVersions }) =>
      setColumns(compareVersions(before, after)),
    )
  }, [before, after])
  if (!columns) return null
  const all = columns.flatMap((column) => column.changes)
  const count = (kinds: NoteChange['kind'][]) => all.filter((c) => kinds.includes(c.kind)).length
  const byColumn = new Map(columns.map((column) => [column.column, column.changes]))
  return (
    <>
      <p className="version-summary" role="status">
        {vt('view.summary', {
          added: count(['added']),
          changed: count(['changed']),
          // A move shows in both columns; it is one move.
          moved: count(['movedIn']),
          removed: count(['removed']),
        })}
      </p>
      <div className="version-columns">
        {cardOrder(after.board).map((column) => {
          const changes = byColumn.get(column) ?? []
          const touched = new Set(changes.map((c) => ('note' in c ? c.note.id : c.after.id)))
          const unchanged = after.columns[column].filter((note) => !touched.has(note.id)).length
          return (
            <section
              key={column}
              className="version-column"
              aria-label={columnHeading(t, after, column)}
            >
              <h3>{columnHeading(t, after, column)}</h3>
              {changes.length > 0 && (
                <div className="version-sides" aria-hidden="true">
                  <span>{beforeName}</span>
                  <span>{afterName}</span>
                </div>
              )}
              <ul className="version-changes">
                {changes.map((change) => (
                  <ChangeRow
                    key={`${change.kind}-${'note' in change ? change.note.id : change.after.id}`}
                    change={change}
                    beforeName={beforeName}
                    afterName={afterName}
                  />
                ))}
              </ul>
              {unchanged > 0 && (
                <p className="version-unchanged">
                  {unchanged === 1
                    ? vt('view.unchangedOne')
                    : vt('view.unchanged', { count: unchanged })}
                </p>
              )}
            </section>
          )
        })}
      </div>
    </>
  )
}

/** One change: its kind, and the note as it was (left) beside the note as it became (right). */
function ChangeRow({
  change,
  beforeName,
  afterName,
}: {
  change: NoteChange
  beforeName: string
  afterName: string
}) {
  const t = useT()
  const vt = useTexts(versionTexts)
  const kind =
    change.kind === 'movedIn'
      ? vt('change.movedIn', { column: t(`column.${change.from}`) })
      : change.kind === 'movedOut'
        ? vt('change.movedOut', { column: t(`column.${change.to}`) })
        : vt(`change.${change.kind}`)
  const old = change.kind === 'added' ? null : 'note' in change ? change.note : change.before
  const now = change.kind === 'removed' ? null : 'note' in change ? change.note : change.after
  const side = (note: Note | null, name: string) =>
    note ? (
      <div className="version-note" role="group" aria-label={name}>
        <VersionNote note={note} />
      </div>
    ) : (
      <div className="is-blank" aria-hidden="true" />
    )
  return (
    <li className={`version-change is-${change.kind}`}>
      <span className="version-change-kind">{kind}</span>
      {side(old, beforeName)}
      {side(now, afterName)}
    </li>
  )
}
