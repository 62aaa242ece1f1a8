// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it } from 'vitest'
import { JoinCodeForm } from './JoinCodeForm'

afterEach(cleanup)

describe('JoinCodeForm', () => {
  it('asks for the code when "Meedoen" is pressed without one, and stops asking once typed', async () => {
    const user = userEvent.setup()
    render(<JoinCodeForm />)
    const input = screen.getByLabelText('Code')
    await user.click(screen.getByRole('button'))
    expect(screen.getByText('Typ eerst de code die op het scherm staat.')).toBeTruthy()
    expect(input.getAttribute('aria-invalid')).toBe('true')
    await user.type(input, 'A')
    expect(screen.queryByText('Typ eerst de code die op het scherm staat.')).toBeNull()
    expect(input.getAttribute('aria-invalid')).toBeNull()
  })
})
