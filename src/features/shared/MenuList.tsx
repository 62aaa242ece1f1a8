import { useEffect, useRef, type KeyboardEvent } from 'react'
import type { MenuControls } from './Menu'

export interface MenuItem {
  /** Stable among the menu's items: React's key and the test of what is focused. */
  key: string
  label: string
  /** A toggle shows whether it is on; a plain item leaves this out. */
  checked?: boolean
  danger?: boolean
  /** Opens another page of the same menu (see `page`) instead of closing it. */
  opensPage?: boolean
  onSelect(): void
}

/**
 * The items of an open Menu: arrows, Home and End move through them, Enter or Space picks one,
 * Escape closes and gives focus back, Tab closes and moves on.
 */
export function MenuList({
  controls,
  items,
  page = 'main',
  onBack,
}: {
  controls: MenuControls
  items: readonly MenuItem[]
  /** Which page of items shows; a new page gets focus on its first item. */
  page?: string
  /** On a page other than the first: Escape goes back to it instead of closing the menu. */
  onBack?: () => void
}) {
  const list = useRef<HTMLUListElement>(null)
  const { id, label, focusLast } = controls
  /** Closes the menu; `focusBack` gives focus back to where it was opened from. */
  function close(focusBack: boolean): void {
    controls.close()
    if (!focusBack) return
    controls.returnFocus()
  }

  // The first item (or the last, when opened by ArrowUp) of each page gets focus.
  useEffect(() => {
    const entries = list.current?.querySelectorAll<HTMLElement>('[role^="menuitem"]')
    entries?.[focusLast ? entries.length - 1 : 0]?.focus({ preventScroll: true })
    // Near the bottom of the screen the page scrolls so the whole list shows.
    list.current?.scrollIntoView({ block: 'nearest' })
  }, [page, focusLast])

  function onKey(event: KeyboardEvent<HTMLUListElement>): void {
    const entries = [...(list.current?.querySelectorAll<HTMLElement>('[role^="menuitem"]') ?? [])]
    const at = entries.indexOf(document.activeElement as HTMLElement)
    const go = (index: number) => entries[(index + entries.length) % entries.length]?.focus()
    // The board's own arrow keys (moving between notes) must not see these.
    event.stopPropagation()
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault()
        go(at + 1)
        break
      case 'ArrowUp':
        event.preventDefault()
        go(at - 1)
        break
      case 'Home':
        event.preventDefault()
        go(0)
        break
      case 'End':
        event.preventDefault()
        go(entries.length - 1)
        break
      case 'Escape':
        event.preventDefault()
        if (onBack) onBack()
        else close(true)
        break
      case 'Tab':
        close(false)
        break
    }
  }

  return (
    <ul className="menu-list" role="menu" id={id} aria-label={label} ref={list} onKeyDown={onKey}>
      {items.map((item) => (
        <li key={item.key} role="none">
          <button
            type="button"
            role={item.checked === undefined ? 'menuitem' : 'menuitemcheckbox'}
            aria-checked={item.checked}
            aria-haspopup={item.opensPage ? 'menu' : undefined}
            className={item.danger ? 'is-danger' : undefined}
            tabIndex={-1}
            data-key={item.key}
            onClick={() => {
              if (item.opensPage) {
                item.onSelect()
                return
              }
              // Closed first: an item that opens a form moves focus there afterwards.
              close(true)
              item.onSelect()
            }}
          >
            {item.checked && (
              <span className="menu-check" aria-hidden="true">
                ✓
              </span>
            )}
            {item.label}
          </button>
        </li>
      ))}
    </ul>
  )
}
