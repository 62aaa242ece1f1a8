// @vitest-environment jsdom
import { act, cleanup, render, screen } from '@testing-library/react'
import { Suspense } from 'react'
import { afterEach, describe, expect, it } from 'vitest'
import { lazyPart } from './lazyPart'

afterEach(cleanup)

function Greeting({ name }: { name: string }) {
  return <p>Hallo {name}</p>
}

function shown(part: ReturnType<typeof lazyPart<{ name: string }>>) {
  return render(
    <Suspense fallback={<p>Laden</p>}>
      <part.Part name="Ayşe" />
    </Suspense>,
  )
}

describe('lazyPart', () => {
  it('renders a part whose chunk has arrived in its first render, without a fallback', async () => {
    const part = lazyPart(() => Promise.resolve(Greeting))
    await part.preload()
    shown(part)
    expect(screen.getByText('Hallo Ayşe')).toBeTruthy()
    expect(screen.queryByText('Laden')).toBeNull()
  })

  it('shows the fallback until a part that was not loaded yet arrives', async () => {
    let arrive: (component: typeof Greeting) => void = () => undefined
    const part = lazyPart(() => new Promise<typeof Greeting>((resolve) => (arrive = resolve)))
    shown(part)
    expect(screen.getByText('Laden')).toBeTruthy()
    await act(async () => arrive(Greeting))
    expect(await screen.findByText('Hallo Ayşe')).toBeTruthy()
  })

  it('loads once, however often it is asked to, and again after a load failed', async () => {
    let loads = 0
    let fail = true
    const part = lazyPart(() => {
      loads++
      return fail ? Promise.reject(new Error('offline')) : Promise.resolve(Greeting)
    })
    await expect(part.preload()).rejects.toThrow('offline')
    fail = false
    await Promise.all([part.preload(), part.preload()])
    expect(loads).toBe(2)
  })
})
