// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { Participant } from '../../map'
import { loadIdentity } from '../../store/identity'
import { JoinForm } from './JoinForm'

beforeEach(() => localStorage.clear())
afterEach(cleanup)

describe('JoinForm', () => {
  it('stores a named role with its side, and remembers it on this device', async () => {
    const onJoined = vi.fn<(participant: Participant) => void>()
    render(<JoinForm initial={null} onJoined={onJoined} />)
    await userEvent.type(screen.getByLabelText('Je naam'), 'Marga de Vries')
    await userEvent.click(screen.getByRole('radio', { name: 'Mantelzorger' }))
    await userEvent.click(screen.getByRole('button', { name: 'Meedoen' }))

    const joined = onJoined.mock.calls[0]![0]
    expect(joined).toMatchObject({ name: 'Marga de Vries', role: 'mantelzorger', side: 'informal' })
    expect(loadIdentity()).toEqual(joined)
  })

  it('asks the words and the side for "anders", and refuses without them', async () => {
    const onJoined = vi.fn<(participant: Participant) => void>()
    render(<JoinForm initial={null} onJoined={onJoined} />)
    await userEvent.type(screen.getByLabelText('Je naam'), 'Sanne')
    await userEvent.click(screen.getByRole('radio', { name: 'Anders' }))
    await userEvent.click(screen.getByRole('button', { name: 'Meedoen' }))
    expect(onJoined).not.toHaveBeenCalled()
    expect(screen.getByRole('alert').textContent).toBe('Vul een naam en een rol in.')

    await userEvent.type(screen.getByLabelText('Welke rol?'), 'Wijkagent')
    await userEvent.click(screen.getByRole('radio', { name: /formeel \(vanuit een beroep/ }))
    await userEvent.click(screen.getByRole('button', { name: 'Meedoen' }))
    expect(onJoined.mock.calls[0]![0]).toMatchObject({
      role: 'anders',
      roleLabel: 'Wijkagent',
      side: 'formal',
    })
  })

  it('keeps the same participant id when someone changes name or role', async () => {
    const onJoined = vi.fn<(participant: Participant) => void>()
    const before: Participant = {
      id: 'abcdefghijklmnop' as Participant['id'],
      name: 'Kwame',
      role: 'bewoner',
      roleLabel: '',
      side: 'informal',
    }
    render(<JoinForm initial={before} onJoined={onJoined} />)
    await userEvent.click(screen.getByRole('radio', { name: 'Ervaringsdeskundige' }))
    await userEvent.click(screen.getByRole('button', { name: 'Meedoen' }))
    expect(onJoined.mock.calls[0]![0]).toMatchObject({
      id: before.id,
      role: 'ervaringsdeskundige',
    })
  })
})
