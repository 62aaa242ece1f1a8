import { create } from 'zustand'
import type { TextKey } from '../../i18n'

/** The parts of the side panel; each opens on its own from the room's header. */
export const PANEL_SECTIONS = ['people', 'thread', 'trajectory', 'share', 'export', 'map'] as const
export type PanelSection = (typeof PANEL_SECTIONS)[number]

interface PanelState {
  /** The part shown in the side panel; null while the panel is closed. */
  section: PanelSection | null
  toggle(section: PanelSection): void
  open(section: PanelSection): void
  close(): void
}

/** Which part of the side panel this person has open: their own screen only, never shared. */
export const usePanel = create<PanelState>((set) => ({
  section: null,
  toggle: (section) => set((state) => ({ section: state.section === section ? null : section })),
  open: (section) => set({ section }),
  close: () => set({ section: null }),
}))

export const LABELS: Record<PanelSection, TextKey> = {
  people: 'panel.people',
  thread: 'panel.thread',
  trajectory: 'panel.trajectory',
  share: 'panel.share',
  export: 'panel.export',
  map: 'panel.map',
}

export const PANEL_ID = 'room-panel'
export const buttonId = (section: PanelSection) => `panel-button-${section}`
