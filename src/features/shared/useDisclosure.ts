import { useCallback, useEffect, useId, useRef, useState } from 'react'

/**
 * A button that opens a panel over the page (a menu of controls, not a dialog): Escape closes it
 * and gives focus back to the button, a click or focus outside closes it, and what is inside stays
 * open while it is used, so several controls can be set in a row.
 */
export function useDisclosure<T extends HTMLElement = HTMLElement>() {
  const [open, setOpen] = useState(false)
  const id = useId()
  const button = useRef<HTMLButtonElement>(null)
  const panel = useRef<T>(null)

  const close = useCallback((returnFocus: boolean) => {
    setOpen(false)
    if (returnFocus) button.current?.focus()
  }, [])

  useEffect(() => {
    if (!open) return
    const inside = (target: EventTarget | null) =>
      target instanceof Node &&
      (panel.current?.contains(target) === true || button.current?.contains(target) === true)
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        event.stopPropagation()
        close(true)
      }
    }
    const onPointer = (event: PointerEvent) => {
      if (!inside(event.target)) close(false)
    }
    const onFocus = (event: FocusEvent) => {
      if (event.target instanceof Node && !inside(event.target)) close(false)
    }
    document.addEventListener('keydown', onKey)
    document.addEventListener('pointerdown', onPointer)
    document.addEventListener('focusin', onFocus)
    return () => {
      document.removeEventListener('keydown', onKey)
      document.removeEventListener('pointerdown', onPointer)
      document.removeEventListener('focusin', onFocus)
    }
  }, [open, close])

  return {
    open,
    close,
    buttonRef: button,
    panelRef: panel,
    buttonProps: {
      'aria-expanded': open,
      'aria-controls': id,
      onClick: () => setOpen((was) => !was),
    },
    panelProps: { id, hidden: !open },
  }
}
