// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { Field } from './Field'

afterEach(cleanup)

function describedText(element: HTMLElement): string {
  return (element.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .filter(Boolean)
    .map((id) => document.getElementById(id)?.textContent ?? `(missing ${id})`)
    .join(' | ')
}

describe('Field', () => {
  it('ties its label to the control, and its hint by aria-describedby', () => {
    render(
      <Field label="Je naam" hint="Zoals de anderen je kennen.">
        {(control) => <input {...control} />}
      </Field>,
    )
    const input = screen.getByLabelText('Je naam')
    expect(input.tagName).toBe('INPUT')
    expect(describedText(input)).toBe('Zoals de anderen je kennen.')
    expect(input.getAttribute('aria-invalid')).toBeNull()
  })

  it('marks the control invalid and describes it with the error while there is one', () => {
    const { rerender } = render(
      <Field label="Titel" error="Geef de kaart een titel.">
        {(control) => <input {...control} />}
      </Field>,
    )
    const input = screen.getByLabelText('Titel')
    expect(input.getAttribute('aria-invalid')).toBe('true')
    expect(describedText(input)).toBe('Geef de kaart een titel.')
    expect(screen.getByRole('alert').textContent).toBe('Geef de kaart een titel.')
    rerender(
      <Field label="Titel" error={null}>
        {(control) => <input {...control} />}
      </Field>,
    )
    expect(input.getAttribute('aria-invalid')).toBeNull()
    expect(input.getAttribute('aria-describedby')).toBeNull()
    expect(screen.queryByRole('alert')).toBeNull()
  })

  it('reads a description from outside first, and keeps a hidden label as the name', () => {
    render(
      <>
        <p id="counter">Nog 990 tekens.</p>
        <Field
          label="Tekst van de notitie"
          hideLabel
          describedBy="counter"
          hint="Enter bewaart."
          invalid
        >
          {(control) => <textarea {...control} />}
        </Field>
      </>,
    )
    const textarea = screen.getByRole('textbox', { name: 'Tekst van de notitie' })
    expect(describedText(textarea)).toBe('Nog 990 tekens. | Enter bewaart.')
    expect(textarea.getAttribute('aria-invalid')).toBe('true')
    expect(screen.getByText('Tekst van de notitie').className).toBe('visually-hidden')
  })

  it('gives every field its own ids', () => {
    render(
      <>
        <Field label="Eén" hint="a">
          {(control) => <input {...control} />}
        </Field>
        <Field label="Twee" hint="b">
          {(control) => <input {...control} />}
        </Field>
      </>,
    )
    const one = screen.getByLabelText('Eén')
    const two = screen.getByLabelText('Twee')
    expect(one.id).not.toBe(two.id)
    expect(describedText(one)).toBe('a')
    expect(describedText(two)).toBe('b')
  })
})
