import { useId, type ReactNode } from 'react'

/** What a field hands its control, so that its label, hint and error belong to it. */
export interface FieldControl {
  id: string
  'aria-describedby'?: string
  'aria-invalid'?: true
}

interface FieldProps {
  label: ReactNode
  /** The label is read out but not shown (the form around the control says what it is for). */
  hideLabel?: boolean
  hint?: ReactNode
  /** Shown under the control and announced; the control is marked invalid while it shows. */
  error?: ReactNode
  /** Elements outside the field that describe the control too (a live counter), read first. */
  describedBy?: string
  /** Marks the control invalid when the error is told elsewhere (in `describedBy`). */
  invalid?: boolean
  className?: string
  /** The control itself: an input, textarea or select, given the props from `FieldControl`. */
  children(control: FieldControl): ReactNode
}

/**
 * One form field: a label tied to its control by id, a hint and an error tied to it by
 * `aria-describedby`, and `aria-invalid` while there is an error.
 */
export function Field({
  label,
  hideLabel = false,
  hint,
  error,
  describedBy,
  invalid = false,
  className,
  children,
}: FieldProps) {
  const id = useId()
  const hintId = `${id}-hint`
  const errorId = `${id}-error`
  const hasError = error !== undefined && error !== null && error !== false && error !== ''
  const described = [describedBy, hint ? hintId : null, hasError ? errorId : null]
    .filter(Boolean)
    .join(' ')
  return (
    <div className={className ? `field ${className}` : 'field'}>
      <label htmlFor={id} className={hideLabel ? 'visually-hidden' : undefined}>
        {label}
      </label>
      {children({
        id,
        'aria-describedby': described || undefined,
        'aria-invalid': hasError || invalid ? true : undefined,
      })}
      {hint && <small id={hintId}>{hint}</small>}
      {hasError && (
        <p className="form-error" id={errorId} role="alert">
          {error}
        </p>
      )}
    </div>
  )
}
