import {
  useEffect,
  useEffectEvent,
  useId,
  useRef,
  useState,
  type KeyboardEvent,
  type RefObject,
} from 'react'

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

interface Props {
  /** The button's accessible name, e.g. "Acties voor W2: Elkaar vertrouwen". */
  label: string
  /** Its tooltip: shorter, as the button already sits on the note. */
  title: string
  icon: string
  items: readonly MenuItem[]
  /** Which page of items shows; a new page gets focus on its first item. */
  page?: string
  /** Called when the menu closes, so the owner can go back to its first page. */
  onClose?(): void
  /** -1 keeps the button out of the Tab order (roving focus chooses one note per column). */
  tabIndex?: number
  /** The menu button, for its owner to give focus back to. */
  buttonRef: RefObject<HTMLButtonElement | null>
  /** Where focus goes when the menu closes by Escape or a pick; the button if left out. */
  returnFocus?(): void
  className?: string
}

/**
 * A button that opens a list of actions (the WAI-ARIA menu button): arrows, Home and End move
 * through the items, Enter or Space picks one, Escape closes and gives focus back to the button,
 * and a click or focus elsewhere closes it. Our own, small: the cards need nothing more.
 */
export function Menu({
  label,
  title,
  icon,
  items,
  page = 'main',
  onClose,
  tabIndex,
  buttonRef,
  returnFocus,
  className = '',
}: Props) {
  const [open, setOpen] = useState(false)
  const id = useId()
  const root = useRef<HTMLDivElement>(null)
  const button = buttonRef
  const list = useRef<HTMLUListElement>(null)
  const [focusLast, setFocusLast] = useState(false)

  function close(focusBack: boolean): void {
    setOpen(false)
    onClose?.()
    if (!focusBack) return
    if (returnFocus) returnFocus()
    else button.current?.focus()
  }
  const closeOutside = useEffectEvent(() => close(false))

  // The first item (or the last, when opened by ArrowUp) of each page gets focus.
  useEffect(() => {
    if (!open) return
    const entries = list.current?.querySelectorAll<HTMLElement>('[role^="menuitem"]')
    entries?.[focusLast ? entries.length - 1 : 0]?.focus()
  }, [open, page, focusLast])

  useEffect(() => {
    if (!open) return
    const outside = (target: EventTarget | null) =>
      target instanceof Node && root.current?.contains(target) !== true
    const onPointer = (event: PointerEvent) => {
      if (outside(event.target)) closeOutside()
    }
    const onFocus = (event: FocusEvent) => {
      if (outside(event.target)) closeOutside()
    }
    document.addEventListener('pointerdown', onPointer)
    document.addEventListener('focusin', onFocus)
    return () => {
      document.removeEventListener('pointerdown', onPointer)
      document.removeEventListener('focusin', onFocus)
    }
  }, [open])

  function openWith(last: boolean): void {
    setFocusLast(last)
    setOpen(true)
  }

  function onButtonKey(event: KeyboardEvent<HTMLButtonElement>): void {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault()
      event.stopPropagation()
      openWith(event.key === 'ArrowUp')
    }
  }

  function onListKey(event: KeyboardEvent<HTMLUListElement>): void {
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
        close(true)
        break
      case 'Tab':
        close(false)
        break
    }
  }

  return (
    <div className={`menu ${className}`} ref={root}>
      <button
        type="button"
        className="menu-button quiet"
        ref={button}
        aria-label={label}
        title={title}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? id : undefined}
        tabIndex={tabIndex}
        onClick={() => (open ? close(false) : openWith(false))}
        onKeyDown={onButtonKey}
      >
        <span aria-hidden="true">{icon}</span>
      </button>
      {open && (
        <ul
          className="menu-list"
          role="menu"
          id={id}
          aria-label={label}
          ref={list}
          onKeyDown={onListKey}
        >
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
      )}
    </div>
  )
}
