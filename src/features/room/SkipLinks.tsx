import type { MouseEvent } from 'react'
import { useT } from '../../i18n'
import { cardOrder } from '../../map'
import { useSheet } from '../../store/roomStore'
import { BOARD_ID, columnElementId } from '../board/boardIds'
import { PANEL_ID, usePanel } from './panel'

/** Where focus lands in a column: its current note, else its add button, else the column. */
function focusIn(place: HTMLElement): void {
  const target =
    place.querySelector<HTMLElement>('.note-main[tabindex="0"]') ??
    place.querySelector<HTMLElement>('.add-note, button, [href], input') ??
    place
  if (target === place && !place.hasAttribute('tabindex')) place.tabIndex = -1
  target.focus()
  target.scrollIntoView({ block: 'nearest', inline: 'nearest' })
}

/**
 * Links for keyboard users, shown once focused: straight to the board, to any column (on a phone
 * its tab opens first) and to the side panel, instead of tabbing through the bar above.
 */
export function SkipLinks() {
  const t = useT()
  const board = useSheet()
  const panelOpen = usePanel((state) => state.section !== null)

  function go(event: MouseEvent<HTMLAnchorElement>, id: string): void {
    event.preventDefault()
    const tab = document.querySelector<HTMLElement>(`[role="tab"][aria-controls="${id}"]`)
    if (tab && tab.getAttribute('aria-selected') !== 'true') tab.click()
    requestAnimationFrame(() => {
      const place = document.getElementById(id)
      if (!place) return
      if (id === BOARD_ID) {
        const first = place.querySelector<HTMLElement>('[data-column]:not([hidden])')
        focusIn(first ?? place)
      } else focusIn(place)
    })
  }

  const links = [
    { id: BOARD_ID, label: t('skip.board') },
    ...cardOrder(board).map((column) => ({
      id: columnElementId(column),
      label: t('skip.column', { column: t(`column.${column}`) }),
    })),
    ...(panelOpen ? [{ id: PANEL_ID, label: t('skip.panel') }] : []),
  ]
  return (
    <nav className="skip-links" aria-label={t('skip.label')}>
      <ul>
        {links.map((link) => (
          <li key={link.id}>
            <a href={`#${link.id}`} onClick={(event) => go(event, link.id)}>
              {link.label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  )
}
