// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { LIMITS } from '../../map'
import { NoteForm, type NoteDraft } from './NoteForm'

afterEach(cleanup)

function renderForm(column: NoteDraft['column'] = 'waarden') {
  const onSubmit = vi.fn<(draft: NoteDraft) => void>()
  const onCancel = vi.fn()
  render(
    <NoteForm
      initial={{ text: '', column, owner: { kind: 'wij', name: '', when: '' } }}
      allowColumnChange={false}
      submitLabel="Notitie toevoegen"
      onSubmit={onSubmit}
      onCancel={onCancel}
    />,
  )
  return { onSubmit, onCancel, textbox: screen.getByLabelText('Tekst van de notitie') }
}

describe('NoteForm', () => {
  it('saves on Enter, keeps Shift+Enter as a new line, and clears for the next idea', async () => {
    const { onSubmit, textbox } = renderForm()
    await userEvent.type(textbox, 'Warmte{Shift>}{Enter}{/Shift}en respect{Enter}')
    expect(onSubmit).toHaveBeenCalledTimes(1)
    expect(onSubmit.mock.calls[0]![0].text).toBe('Warmte\nen respect')
    expect((textbox as HTMLTextAreaElement).value).toBe('')
  })

  it('says a note is too long, refuses to save it, and keeps the text', async () => {
    const { onSubmit, textbox } = renderForm()
    const long = 'é'.repeat(LIMITS.noteText + 5)
    await userEvent.click(textbox)
    await userEvent.paste(long)
    expect(screen.getByText(`Te lang: maximaal ${LIMITS.noteText} tekens.`)).toBeTruthy()
    await userEvent.keyboard('{Enter}')
    expect(onSubmit).not.toHaveBeenCalled()
    expect((textbox as HTMLTextAreaElement).value).toBe(long)
    expect(
      (screen.getByRole('button', { name: 'Notitie toevoegen' }) as HTMLButtonElement).disabled,
    ).toBe(true)
  })

  it('offers example values in step 1 as a word to start from, to say in your own words', async () => {
    const { onSubmit, textbox } = renderForm('waarden')
    await userEvent.click(await screen.findByRole('button', { name: 'Voorbeelden van waarden' }))
    // Words to take, not boxes to tick.
    expect(screen.queryAllByRole('checkbox')).toHaveLength(0)
    await userEvent.click(screen.getByRole('button', { name: 'Begin met Warmte' }))
    expect(screen.queryByRole('button', { name: 'Begin met Respect' })).toBeNull()
    await vi.waitFor(() => expect(document.activeElement).toBe(textbox))
    await userEvent.keyboard('we bellen elkaar als het niet goed gaat{Enter}')
    expect(onSubmit.mock.calls[0]![0].text).toBe('Warmte: we bellen elkaar als het niet goed gaat')
  })

  it('offers no example values outside step 1', async () => {
    renderForm('relaties')
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(screen.queryByRole('button', { name: 'Voorbeelden van waarden' })).toBeNull()
  })

  it('asks who does an action and when', async () => {
    const { onSubmit, textbox } = renderForm('acties')
    await userEvent.type(textbox, 'Buurtoverleg plannen')
    await userEvent.click(screen.getByRole('radio', { name: 'Ik' }))
    await userEvent.type(screen.getByLabelText('Wie precies (niet verplicht)'), 'Łukasz')
    await userEvent.type(screen.getByLabelText('Wanneer (niet verplicht)'), 'vóór 1 maart')
    await userEvent.click(screen.getByRole('button', { name: 'Notitie toevoegen' }))
    expect(onSubmit.mock.calls[0]![0].owner).toEqual({
      kind: 'ik',
      name: 'Łukasz',
      when: 'vóór 1 maart',
    })
  })

  it('cancels on Escape without saving', async () => {
    const { onSubmit, onCancel, textbox } = renderForm()
    await userEvent.type(textbox, 'half af{Escape}')
    expect(onCancel).toHaveBeenCalled()
    expect(onSubmit).not.toHaveBeenCalled()
  })
})
