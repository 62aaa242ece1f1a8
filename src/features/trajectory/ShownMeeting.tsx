import { useEffect } from 'react'
import { useLang, useT } from '../../i18n'
import { useTexts } from '../../i18n/bundle'
import { preparationBalance } from '../../map/trajectory'
import { useRoom } from '../../store/roomStore'
import { useTrajectory } from '../../store/trajectory'
import { meetingName, preparersText } from './meetingText'
import { trajectoryTexts } from './texts'
import './trajectory.css'

/**
 * The big screen at the start of a meeting: what the group took along from the one the
 * facilitator chose, and who prepared this one. Read only, through the viewer link; it loads
 * and connects only while a meeting is shown.
 */
export function ShownMeeting({ viewerToken }: { viewerToken: string }) {
  const t = useT()
  const tt = useTexts(trajectoryTexts)
  const lang = useLang((state) => state.lang)
  const id = useRoom((state) => state.control.shownMeeting)
  const meetings = useTrajectory((state) => state.view.meetings)

  useEffect(() => useTrajectory.getState().open(viewerToken), [viewerToken])

  const index = meetings.findIndex((meeting) => meeting.id === id)
  const meeting = meetings[index]
  if (!meeting) return null
  const balance = preparationBalance(meeting.preparers)
  return (
    <section className="vw-lookback vw-meeting" aria-labelledby="vw-meeting-title">
      <h2 id="vw-meeting-title" className="vw-lookback-title">
        {tt('screen.title')}
      </h2>
      <p className="vw-meeting-name">{meetingName(tt, lang, meeting, index + 1)}</p>
      <p className="vw-meeting-report">{meeting.report || tt('meeting.noReport')}</p>
      {balance.verdict !== 'empty' && (
        <p className="vw-meeting-prep">
          {tt('screen.prepared', { names: preparersText(t, meeting.preparers) })}
        </p>
      )}
    </section>
  )
}
