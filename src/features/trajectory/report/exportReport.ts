import type { Translate } from '../../../i18n'
import type { MapView } from '../../../map'
import type { TrajectoryView } from '../../../map/trajectory'
import { viewSnapshot } from '../../../map/versions'
import type { CardVersionInfo } from '../../../../shared/protocol'
import { download } from '../../export/download'
import { fileName } from '../../export/formats'
import { pdfFonts } from '../../export/pdf/exportPdf'
import { renderPdf } from '../../export/pdf/render'
import { reportContent, type ReportVersion } from './content'
import { layoutReport, REPORT_PAGE } from './layout'

/** How the report reaches the map's saved versions: the store's calls. */
export interface VersionSource {
  listVersions(): Promise<CardVersionInfo[]>
  loadVersion(number: number): Promise<{ map: Uint8Array; control: Uint8Array }>
}

/** Every saved version read back as a view, oldest first; a few fetched at a time. */
async function readVersions(source: VersionSource): Promise<ReportVersion[]> {
  const list = await source.listVersions()
  const read: ReportVersion[] = []
  for (let i = 0; i < list.length; i += 4) {
    const batch = list.slice(i, i + 4)
    const snapshots = await Promise.all(batch.map((info) => source.loadVersion(info.number)))
    snapshots.forEach((snapshot, j) =>
      read.push({ info: batch[j]!, view: viewSnapshot(snapshot.map, snapshot.control).view }),
    )
  }
  return read
}

/**
 * Makes the trajectory report in the browser and saves it: the meetings, the card's versions and
 * what changed, the actions and the score's movement. Loads only when someone asks for it.
 */
export async function exportReport(
  current: { trajectory: TrajectoryView; map: MapView },
  source: VersionSource,
  t: Translate,
  options: { includeNames: boolean },
): Promise<void> {
  const now = new Date()
  const [versions, fonts] = await Promise.all([readVersions(source), pdfFonts()])
  const content = reportContent(
    { ...current, versions, now, includeNames: options.includeNames },
    t,
  )
  const pdf = await renderPdf((measure) => layoutReport(content, measure), fonts, {
    page: REPORT_PAGE,
    lang: t.lang,
    title: `${content.kicker}: ${content.title}`,
    now,
  })
  // Two files that hold different things get different names.
  const kind = options.includeNames ? 'trajectverslag-met-namen' : 'trajectverslag'
  download(fileName(content.title, 'pdf', kind), pdf, 'application/pdf')
}
