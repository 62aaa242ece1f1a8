import { useId, useState } from 'react'
import { useT } from '../../../i18n'
import { useTexts } from '../../../i18n/bundle'
import { useRoom } from '../../../store/roomStore'
import { useTrajectory } from '../../../store/trajectory'
import { trajectoryTexts } from '../texts'

/**
 * The trajectory report, for anyone in the map: one PDF to take to managers and funders. People's
 * names are left out unless chosen, since the report travels beyond the group.
 */
export function ReportPart() {
  const t = useT()
  const tt = useTexts(trajectoryTexts)
  const id = useId()
  const [includeNames, setIncludeNames] = useState(false)
  const [state, setState] = useState<'idle' | 'busy' | 'failed'>('idle')

  async function onReport(): Promise<void> {
    setState('busy')
    try {
      // The report's code, the PDF library and the fonts load only now.
      const { exportReport } = await import('./exportReport')
      const room = useRoom.getState()
      await exportReport({ trajectory: useTrajectory.getState().view, map: room.view }, room, t, {
        includeNames,
      })
      setState('idle')
    } catch {
      setState('failed')
    }
  }

  return (
    <section className="trajectory-part" aria-labelledby={`${id}-title`}>
      <h4 id={`${id}-title`}>{tt('report.title')}</h4>
      <p className="hint">{tt('report.intro')}</p>
      <label className="choice small">
        <input
          type="checkbox"
          checked={includeNames}
          aria-describedby={`${id}-names`}
          onChange={(event) => setIncludeNames(event.target.checked)}
        />
        <span>{tt('report.names')}</span>
      </label>
      <p className="hint" id={`${id}-names`}>
        {tt('report.namesHint')}
      </p>
      {/* Busy, it stays focusable (a disabled button drops the keyboard's place). */}
      <button
        type="button"
        className="primary"
        aria-disabled={state === 'busy'}
        onClick={() => {
          if (state !== 'busy') void onReport()
        }}
      >
        {state === 'busy' ? tt('report.busy') : tt('report.button')}
      </button>
      {state === 'failed' && (
        <p className="form-error" role="alert">
          {tt('report.failed')}
        </p>
      )}
    </section>
  )
}
