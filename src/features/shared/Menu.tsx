import {
  useEffect,
  useEffectEvent,
  useId,
  useRef,
  useState,
  type KeyboardEvent,
  type ReactNode,
  type RefObject,
} from 'react'

/** What the list of an open menu gets from its button. */
export interface MenuControls {
  /** The id the button points to (aria-controls) and the list carries. */
  id: string
  label: string
  /** Opened by ArrowUp: focus starts on the last item. */
  focusLast: boolean
  /** Closes the menu. */
  close(): void
  /** Gives focus back to where the menu was opened from (after Escape or a pick). */
  returnFocus(): void
}

interface Props {
  /** The button's accessible name, e.g. "Acties voor notitie: Elkaar vertrouwen". */
  label: string
  /** Its tooltip: shorter, as the button already sits on the note. */
  title: string
  icon: string
  /** The list, made only while the menu is open (see MenuList). */
  children(controls: MenuControls): ReactNode
  /** -1 keeps the button out of the Tab order (roving focus chooses one note per column). */
  tabIndex?: number
  /** The menu button, for its owner to give focus back to. */
  buttonRef: RefObject<HTMLButtonElement | null>
  /** Where focus goes when the menu closes by Escape or a pick (the button, or what it is on). */
  returnFocus(): void
  className?: string
}

/**
 * A button that opens a list of actions (the WAI-ARIA menu button); the list is MenuList. A click
 * or focus elsewhere closes it. Our own, small: the cards need nothing more. Only the button is
 * made for every card; the list and what it offers load when a menu first opens.
 */
export function Menu({
  label,
  title,
  icon,
  children,
  tabIndex,
  buttonRef,
  returnFocus,
  className = '',
}: Props) {
  const [open, setOpen] = useState(false)
  const [focusLast, setFocusLast] = useState(false)
  const id = useId()
  const root = useRef<HTMLDivElement>(null)

  const close = () => setOpen(false)
  const closeOutside = useEffectEvent(close)

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

  return (
    // Pressing in the menu never starts dragging the card it sits on.
    <div
      className={`menu ${className}`}
      ref={root}
      onMouseDown={(event) => event.stopPropagation()}
      onTouchStart={(event) => event.stopPropagation()}
    >
      <button
        type="button"
        className="menu-button quiet"
        ref={buttonRef}
        aria-label={label}
        title={title}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? id : undefined}
        tabIndex={tabIndex}
        onClick={() => (open ? close() : openWith(false))}
        onKeyDown={onButtonKey}
      >
        <span aria-hidden="true">{icon}</span>
      </button>
      {open && children({ id, label, focusLast, close, returnFocus })}
    </div>
  )
}
