import { create } from 'zustand'
import { en } from './en'
import type { ListKey, Messages, TextKey } from './messages'
import { nl } from './nl'

export type Lang = 'nl' | 'en'
export type { ListKey, TextKey } from './messages'

const MESSAGES: Record<Lang, Messages> = { nl, en }
const STORAGE_KEY = 'pk.lang'

function isLang(value: unknown): value is Lang {
  return value === 'nl' || value === 'en'
}

/** The language asked for in the URL (?lang=en), then the one chosen before, then Dutch. */
export function initialLang(search: string, stored: string | null): Lang {
  const fromUrl = new URLSearchParams(search).get('lang')
  if (isLang(fromUrl)) return fromUrl
  return isLang(stored) ? stored : 'nl'
}

function readStored(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY)
  } catch {
    return null
  }
}

interface LangState {
  lang: Lang
  setLang(lang: Lang): void
}

export const useLang = create<LangState>((set) => ({
  lang: typeof window === 'undefined' ? 'nl' : initialLang(window.location.search, readStored()),
  setLang(lang) {
    try {
      localStorage.setItem(STORAGE_KEY, lang)
    } catch {
      // Private mode may refuse storage; the choice then lasts for this page only.
    }
    set({ lang })
  },
}))

/** Fills `{name}` placeholders; unknown placeholders stay visible so they are noticed. */
export function format(template: string, params?: Record<string, string | number>): string {
  if (!params) return template
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  )
}

export type Translate = ((key: TextKey, params?: Record<string, string | number>) => string) & {
  list(key: ListKey): readonly string[]
  lang: Lang
}

/** A translate function for one language. */
export function translator(lang: Lang): Translate {
  const messages = MESSAGES[lang]
  const t = ((key: TextKey, params?: Record<string, string | number>) =>
    format(messages[key], params)) as Translate
  t.list = (key) => messages[key]
  t.lang = lang
  return t
}

const TRANSLATORS: Record<Lang, Translate> = { nl: translator('nl'), en: translator('en') }

/** The translate function of the current language; components re-render when it changes. */
export function useT(): Translate {
  const lang = useLang((state) => state.lang)
  return TRANSLATORS[lang]
}
