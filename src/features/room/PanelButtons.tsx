import { useT } from '../../i18n'
import { useRoom } from '../../store/roomStore'
import { onePerPerson } from '../presence/PresenceList'
import { buttonId, LABELS, PANEL_ID, PANEL_SECTIONS, usePanel } from './panel'

/** The header's buttons that open each part of the side panel (one at a time). */
export function PanelButtons() {
  const t = useT()
  const section = usePanel((state) => state.section)
  const people = useRoom((state) => onePerPerson(state.presence).length)
  return (
    <nav className="panel-buttons" aria-label={t('panel.label')}>
      {PANEL_SECTIONS.map((each) => (
        <button
          key={each}
          type="button"
          id={buttonId(each)}
          className="panel-button"
          aria-expanded={section === each}
          aria-controls={section === each ? PANEL_ID : undefined}
          onClick={() => usePanel.getState().toggle(each)}
        >
          {t(LABELS[each])}
          {each === 'people' && <span className="panel-count"> ({people})</span>}
        </button>
      ))}
    </nav>
  )
}
