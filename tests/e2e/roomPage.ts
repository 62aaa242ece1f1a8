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
    await this.page.getByRole('heading', { name: /Nu aanwezig/ }).waitFor()
  }

  async addNote(column: RegExp, text: string): Promise<void> {
    const region = this.column(column)
    await region.getByRole('button', { name: /Notitie toevoegen aan/ }).click()
    await region.getByRole('textbox', { name: 'Tekst van de notitie' }).fill(text)
    await region.getByRole('textbox', { name: 'Tekst van de notitie' }).press('Enter')
    await region.getByRole('listitem', { name: new RegExp(escape(text)) }).waitFor()
    await region.getByRole('textbox', { name: 'Tekst van de notitie' }).press('Escape')
  }
}

export function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
