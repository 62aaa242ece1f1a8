import { Suspense, lazy, useEffect, useState, type FormEvent } from 'react'
import { AppLink } from '../../routing/AppLink'
import { roomPath } from '../../routing/router'
import { useT } from '../../i18n'
import { homeTexts } from './homeTexts'
import { useTexts } from '../../i18n/bundle'
import { LIMITS, type MapFileNoteRef, type MapFileProblem } from '../../map'
import type { NewMapContent } from '../../store/lifecycleActions'
import { useRoom } from '../../store/roomStore'
import { JoinCodeForm } from '../join/JoinCodeForm'
import { Field } from '../shared/Field'

// Only facilitators need it, and rarely: it loads after the page.
const KeysPanel = lazy(() => import('./KeysPanel').then((m) => ({ default: m.KeysPanel })))

/** Start page: create a new map, open the example, or go back to a map opened before. */
export function HomePage() {
  const t = useT()
  const ht = useTexts(homeTexts)
  const [title, setTitle] = useState('')
  const [description, setDescription] = useState('')
  const [titleError, setTitleError] = useState<string | null>(null)
  /** The server could not make the map; said beside what was pressed (the form or the example). */
  const [createFailed, setCreateFailed] = useState<NewMapContent['kind'] | null>(null)
  const recent = useRoom((state) => state.recentMaps)
  const [busy, setBusy] = useState(false)

  // Another tab may have opened or forgotten maps since this one read the list.
  useEffect(() => useRoom.getState().refreshRecentMaps(), [])

  /** Asks the server for a new map; this device becomes its facilitator. */
  async function open(content: NewMapContent): Promise<void> {
    setBusy(true)
    setCreateFailed(null)
    if (!(await useRoom.getState().startMap(content))) {
      setCreateFailed(content.kind)
    }
    setBusy(false)
  }

  function onCreate(event: FormEvent): void {
    event.preventDefault()
    if (title.trim() === '') {
      setTitleError(t('error.title-required'))
      return
    }
    void open({ kind: 'blank', details: { title, description } })
  }

  const [importProblem, setImportProblem] = useState<{
    problem: MapFileProblem
    note?: MapFileNoteRef
  } | null>(null)

  async function onImport(file: File | undefined): Promise<void> {
    if (!file) return
    // The file reader loads only for an import.
    const { parseMapFile } = await import('../../map/mapFile')
    const parsed = parseMapFile(await file.text())
    if (!parsed.ok) {
      setImportProblem(parsed)
      return
    }
    setImportProblem(null)
    // A map made from a file is a copy: its title says so, so nobody takes it for the original.
    const title = ht('import.copyTitle', { title: parsed.file.title }).slice(0, LIMITS.title)
    void open({ kind: 'file', file: { ...parsed.file, title } })
  }

  function onExample(): void {
    void open({ kind: 'example' })
  }

  return (
    <main className="home" id="main">
      <section className="home-intro">
        <h1>{t('app.name')}</h1>
        <p className="tagline">{ht('app.tagline')}</p>
        <p className="card-line">{t('app.cardLine')}</p>
      </section>

      {/* Most people arrive to join (twelve at a table, one facilitator): the code comes first. */}
      <JoinCodeForm />
      <section className="panel" aria-labelledby="create-title">
        <h2 id="create-title">{ht('home.title')}</h2>
        <form onSubmit={onCreate} noValidate>
          <Field
            label={t('home.mapTitle')}
            error={titleError ?? (createFailed === 'blank' ? ht('error.createFailed') : null)}
          >
            {(control) => (
              <input
                {...control}
                name="title"
                value={title}
                maxLength={LIMITS.title}
                placeholder={ht('home.mapTitleHint')}
                onChange={(event) => {
                  setTitle(event.target.value)
                  setTitleError(null)
                }}
                required
              />
            )}
          </Field>
          <Field label={t('home.description')}>
            {(control) => (
              <textarea
                {...control}
                name="description"
                value={description}
                maxLength={LIMITS.description}
                placeholder={ht('home.descriptionHint')}
                rows={3}
                onChange={(event) => setDescription(event.target.value)}
              />
            )}
          </Field>
          <div className="actions">
            <button type="submit" className="primary" disabled={busy}>
              {ht('home.create')}
            </button>
          </div>
        </form>
      </section>

      <section className="panel" aria-labelledby="example-title">
        <h2 id="example-title">{ht('home.exampleTitle')}</h2>
        <p>{ht('home.exampleHint')}</p>
        {createFailed === 'example' && (
          <p className="form-error" role="alert">
            {ht('error.createFailed')}
          </p>
        )}
        <button type="button" onClick={onExample} disabled={busy}>
          {ht('home.example')}
        </button>
      </section>

      <section className="panel" aria-labelledby="import-title">
        <h2 id="import-title">{ht('import.title')}</h2>
        <Field
          label={ht('import.label')}
          error={
            importProblem?.note
              ? ht('import.note-too-long', {
                  number: importProblem.note.number,
                  column: t(`column.${importProblem.note.column}`),
                  start: importProblem.note.start,
                  max: LIMITS.noteText,
                })
              : importProblem
                ? ht(`import.${importProblem.problem}`)
                : createFailed === 'file'
                  ? ht('error.createFailed')
                  : null
          }
        >
          {(control) => (
            <input
              {...control}
              type="file"
              accept="application/json,.json"
              disabled={busy}
              onChange={(event) => void onImport(event.target.files?.[0])}
            />
          )}
        </Field>
      </section>

      <Suspense fallback={null}>
        <KeysPanel />
      </Suspense>

      <section className="panel" aria-labelledby="recent-title">
        <h2 id="recent-title">{ht('home.recent')}</h2>
        {recent.length === 0 ? (
          <p>{ht('home.recentEmpty')}</p>
        ) : (
          <ul className="recent-list">
            {recent.map((map) => {
              const shown = map.title || ht('home.untitled')
              return (
                <li key={map.roomId}>
                  <AppLink to={roomPath(map.roomId)}>{shown}</AppLink>
                  {/* Two maps of the same name (a copy, next month's meeting) are told apart by date. */}
                  <time className="recent-date" dateTime={new Date(map.visitedAt).toISOString()}>
                    {ht('home.visited', {
                      date: new Date(map.visitedAt).toLocaleDateString(
                        t.lang === 'nl' ? 'nl-NL' : 'en-GB',
                        { day: 'numeric', month: 'long', year: 'numeric' },
                      ),
                    })}
                  </time>
                  <button
                    type="button"
                    className="quiet"
                    title={ht('home.forget', { title: shown })}
                    aria-label={ht('home.forget', { title: shown })}
                    onClick={() => useRoom.getState().forgetRecentMap(map.roomId)}
                  >
                    ×
                  </button>
                </li>
              )
            })}
          </ul>
        )}
      </section>
    </main>
  )
}
