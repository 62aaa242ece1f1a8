import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import { createRequire } from 'node:module'

const require = createRequire(import.meta.url)

/** The PDFs' own fonts, read from the package as the app serves them. */
export const pdfFonts = {
  regular: fs.readFileSync(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf')),
  bold: fs.readFileSync(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf')),
}

/** A PDF's text as poppler reads it, in drawing order (`-raw`), so a note's lines stay together. */
export function pdfText(file: string): string {
  return execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' })
}

/** Text with every run of white space as one space: lines wrap where the layout wants. */
export function squash(text: string): string {
  return text.replace(/\s+/g, ' ')
}
