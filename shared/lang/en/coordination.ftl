# Meetings, their action items, missions, documents and contacts.

## Meetings

meeting-count = { $shown } of { $total } meetings
meeting-to-do = { $count ->
    [one] { $count } action item to do
   *[other] { $count } action items to do
}
meeting-remove-keeps = Its action items and documents stay, without it.
meeting-dates = Dates
meeting-place = Place
meeting-hint-ends = Leave empty for a one-day meeting
meeting-hint-venue = e.g. CARTAC office, Bridgetown; or Video conference
meeting-hint-chair = As the sources name them, e.g. WCO Vice-Chair for the Americas and Caribbean

## Action items

action-still-to-do = Still to do
action-overdue-only = Overdue only
action-count = { $shown } of { $total } action items{ $late ->
    [0] {""}
   *[other] {" · "}{ $late } overdue in all
}
action-org-not-here = an organisation not on this device
action-intro-meeting = Agreed at this meeting.
action-intro-mission = Recommended by this mission.
action-intro-organisation = Owned or shared by this organisation.
action-none-recorded = No action items recorded.
action-add = Add an action item
action-new = New action item
action-status-overdue = { $status } · overdue
action-due = due { $due }
action-owner-with = { $owner } with { $others }
action-mark-done = Mark done
action-remove = Remove
action-not-marked-done = Not marked done: { $error }
action-not-removed = Not removed: { $error }
action-hint-due = A day (2013-04-30), a month (2013-04) or a quarter (2013-Q2); empty while to be decided
action-shared-summary = Shared with other organisations
action-save = Save action item
action-cancel = Cancel

## Missions

mission-remove-keeps = The action items it recommended and its documents stay, without it.
mission-dates = Dates
mission-full-report = Full report
mission-report-where = where it is kept
mission-not-recorded = Not recorded yet.
mission-overlaps-title = Other providers there at the same time
mission-overlaps-intro = Missions by other providers in the same country, on the same topic, on overlapping days:
mission-role-provided = provided
mission-role-received = received
mission-none-recorded = No mission recorded.
mission-hint-title = e.g. Post-clearance audit diagnostic
mission-hint-report-url = Full address, if it is online

## Documents of a meeting, mission or project

document-section = Documents
document-none-linked = No documents linked yet.
document-link = Add a document
document-new = New document
document-not-removed = Not removed: { $error }
document-remove = Remove
document-hint-url = Where it is published, e.g. https://www.cartac.org/… Leave it empty if you attach the file.
document-save = Save document
document-cancel = Cancel
document-file-attach = Attach a file
document-file-hint = PDF, office documents, images or text, up to { $max } MB. It is kept on this device and sent whenever there is a connection.
document-file-reading = Reading the file…
document-file-chosen = { $name } · { $size }
document-file-remove = Remove the file
document-photo-longest = Longest side
document-photo-as-taken = As taken ({ $width } × { $height } px)
document-photo-pixels = { $px } px
document-photo-quality = Quality
document-photo-quality-high = High
document-photo-quality-medium = Medium
document-photo-quality-low = Low
document-photo-sizes = { $before } as taken, { $after } to send
document-file-open = Open
document-file-keep = Keep on this device
document-file-kept = Kept on this device
document-file-unkeep = Do not keep
document-file-keep-all = Keep all these files on this device
document-file-waiting = Waiting to be sent
document-file-sending = Sending: { $done } of { $size }
document-file-fetching = Fetching: { $done } of { $size }
document-file-refused = The server did not take this file: { $reason }
document-file-failed = Not done: { $error }
sync-files-waiting = Files waiting to be sent
kilobytes = { $kb } KB

## Contacts of an organisation

contact-section = Contacts
contact-none-recorded = No contacts recorded yet.
contact-add = Add a contact
contact-new = New contact
contact-not-removed = Not removed: { $error }
contact-remove = Remove
contact-hint-role = As the sources name people, e.g. Comptroller of Customs
contact-save = Save contact
contact-cancel = Cancel
contact-download-csv = Download their contacts as CSV
contact-import = Import contacts from a spreadsheet
