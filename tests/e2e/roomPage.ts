import type { Locator, Page } from 'playwright-core'

/** Steps a person takes in the app, written once for every end-to-end test. */
export class RoomPage {
  constructor(readonly page: Page) {}

  column(name: RegExp): Locator {
    return this.page.getByRole('region', { name })
  }

  /** The notes of a column, in order (the column's questions are a list too). */
  notesIn(column: RegExp): Locator {
    return this.column(column).locator('.note-list > li')
  }

  note(text: string): Locator {
    return this.page.getByRole('listitem', { name: new RegExp(escape(text)) })
  }

  /** The note itself as the keyboard reaches it: Space picks it up, Enter opens its menu. */
  grip(text: string): Locator {
    return this.note(text).locator('.note-main')
  }

  /** The button that opens a note's menu of actions. */
  noteMenu(text: string): Locator {
    return this.note(text).getByRole('button', { name: /^Acties voor notitie/ })
  }

  /**
   * Picks an action from a note's menu ("Bewerken", "Verplaats naar…", "In de spotlight", ...);
   * `then` picks an item of the page it opens (a column for "Verplaats naar…").
   */
  async noteAction(text: string, action: string | RegExp, then?: string | RegExp): Promise<void> {
    await this.noteMenu(text).click()
    const menu = this.note(text).getByRole('menu')
    await menu.locator('[role^="menuitem"]', { hasText: action }).click()
    if (then) await menu.locator('[role^="menuitem"]', { hasText: then }).click()
  }

  async createMap(baseUrl: string, title: string): Promise<string> {
    await this.page.goto(baseUrl)
    await this.page.getByLabel('Titel').fill(title)
    await this.page.getByRole('button', { name: 'Kaart maken' }).click()
    await this.page.waitForURL(/\/m\/[A-Za-z0-9_-]{22,}$/)
    return this.page.url()
  }

  async join(name: string, role: string): Promise<void> {
    await this.page.getByLabel('Je naam').fill(name)
    await this.page.getByRole('radio', { name: role }).check()
    await this.page.getByRole('button', { name: 'Meedoen' }).click()
    // The board's part and the map's first sync: on a busy CI machine with two test files each
    // driving browsers, this once took longer than the default 8 s (how fast it is, the
    // benchmarks measure).
    await this.page
      .getByRole('group', { name: 'De partnerschapskaart' })
      .waitFor({ timeout: 15_000 })
  }

  /** Opens a part of the side panel ("Mensen", "Delen", "Opslaan", ...) unless it is open. */
  async openPanel(name: string): Promise<void> {
    // The panel's own buttons, in the header ("Mensen uitnodigen" in the bar is another one).
    const button = this.page
      .locator('.room-status')
      .getByRole('button', { name: new RegExp(`^${escape(name)}`) })
    if ((await button.getAttribute('aria-expanded')) !== 'true') await button.click()
    await this.page.getByRole('complementary', { name: new RegExp(`^${escape(name)}`) }).waitFor()
  }

  /** The facilitator's activities menu, opened (it stays open while its controls are used). */
  async openActivities(): Promise<void> {
    const button = this.page.getByRole('button', { name: /^Activiteiten/ })
    if ((await button.getAttribute('aria-expanded')) !== 'true') await button.click()
  }

  /** Closes the activities menu (as Escape does), so the board under it can be used again. */
  async closeActivities(): Promise<void> {
    const button = this.page.getByRole('button', { name: /^Activiteiten/ })
    if ((await button.getAttribute('aria-expanded')) === 'true') {
      await this.page.getByRole('button', { name: 'Menu sluiten' }).click()
    }
  }

  /** The read-only link for the big screen, from the share panel. */
  async viewerLink(): Promise<string> {
    await this.openPanel('Delen')
    return this.page.locator('#share-viewer').inputValue()
  }

  async addNote(column: RegExp, text: string): Promise<void> {
    const region = this.column(column)
    await region.getByRole('button', { name: /Notitie toevoegen aan/ }).click()
    await region.getByRole('textbox', { name: 'Tekst van de notitie' }).fill(text)
    // An action asks who does it: these tests let the group do it.
    const wij = region.getByRole('radio', { name: 'Wij', exact: true })
    if ((await wij.count()) > 0) await wij.check()
    await region.getByRole('textbox', { name: 'Tekst van de notitie' }).press('Enter')
    await region.getByRole('listitem', { name: new RegExp(escape(text)) }).waitFor()
    await region.getByRole('textbox', { name: 'Tekst van de notitie' }).press('Escape')
    // Closing the form gives the focus back to its button on the next frame: a focus a test gives
    // before then would be taken away (and a key meant for a note would open the form again).
    const add = await region.getByRole('button', { name: /Notitie toevoegen aan/ }).elementHandle()
    await this.page.waitForFunction((button) => document.activeElement === button, add)
  }
}

export function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
