import { create } from 'zustand'

const READABLE_KEY = 'pk.readable'
const TIMER_SOUND_KEY = 'pk.timerSound'

function readOn(key: string): boolean {
  try {
    return localStorage.getItem(key) === 'on'
  } catch {
    return false
  }
}

function keepOn(key: string, on: boolean): void {
  try {
    localStorage.setItem(key, on ? 'on' : 'off')
  } catch {
    // Private mode may refuse storage; the choice then lasts for this page only.
  }
}

/** How this device likes the app; kept on the device, never in a map. */
export interface Preferences {
  /** Large text and high contrast. */
  readable: boolean
  /** A chime when the step timer runs out. */
  timerSound: boolean
  setReadable(on: boolean): void
  setTimerSound(on: boolean): void
}

/** This device's preferences; each change is kept in storage as it is made. */
export const usePreferences = create<Preferences>()((set) => ({
  readable: typeof window === 'undefined' ? false : readOn(READABLE_KEY),
  timerSound: typeof window === 'undefined' ? false : readOn(TIMER_SOUND_KEY),
  setReadable(readable) {
    keepOn(READABLE_KEY, readable)
    set({ readable })
  },
  setTimerSound(timerSound) {
    keepOn(TIMER_SOUND_KEY, timerSound)
    set({ timerSound })
  },
}))
