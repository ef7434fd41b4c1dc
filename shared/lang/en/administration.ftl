# Accounts, importing files and changes carried on a file.

## The Users page

users-admins-only = Only administrators manage users.
users-lead = Accounts are kept on the server, not on this device: this page needs a connection.
users-offline = Managing users needs a connection to the server, and it cannot be reached now. The catalogue itself keeps working on this device.
users-try-again = Try again
users-not-loaded = The users could not be loaded: { $error }
users-count = { $count ->
    [one] { $count } account
   *[other] { $count } accounts
}
users-added = { $name } can now sign in as { $email }.
users-add = Add a user
users-initial-password = Initial password
users-initial-password-hint = At least 10 characters; tell the person how to change it
users-add-button = Add
users-cancel = Cancel
users-disabled = disabled
users-change = Change
users-enable = Enable
users-disable = Disable
users-new-password-hint = Leave empty to keep the current one; a new one signs the person out everywhere
users-save = Save

## Importing from a spreadsheet

import-lead = Bring records in from a CSV file, projects from an IATI activity file, or a copy of the whole catalogue kept from “About this device”. The file is read on this device, offline too; nothing changes until you confirm, and the records reach the server at the next sync.
import-file-holds = The file holds
import-kind = { $kind ->
    [organisations] Organisations
    [contacts] Contacts
    [training_tools] Training tools
    [action_items] Action items
    [projects] Projects
   *[other] { $kind }
}
import-iati-option = Projects (IATI activity XML)
import-copy-option = The whole catalogue (a copy kept as JSON)
import-activities-in = Activities in
import-region = The region (a country of the catalogue, or the West Indies)
import-file = File
import-hint-csv = Columns are found by their names as “Download as CSV” writes them (for example { $examples }); an Id column matches rows to records, otherwise rows are matched by what names them. Comma or semicolon separated, UTF-8 or the spreadsheet's own encoding.
import-hint-iati = IATI activity XML, versions 2.01 to 2.03: each activity is a project, matched by its IATI identifier; its organisations are matched by name, and those not on this device are named so they can be added first.
import-hint-copy = A copy written by “Download a copy of the catalogue” (About this device): each record is matched by its id, added if it is not here and changed where the copy differs. Records not in the copy stay as they are.
import-file-unreadable = The file could not be read.
import-file-too-big = The file is { $size } MB; the import reads files of up to 20 MB. Split it into smaller files.
import-sign-in = Sign in to import: the records are added in your name.
import-sign-in-first = Sign in to import.
import-reading = Reading { $file }…
import-reading-progress = Reading { $file }: { $percent } %
import-checking-progress = Checking { $file }: { $percent } %
import-activities-elsewhere = { $skipped } of the file's { $activities } activities are elsewhere and are not read.
import-orgs-not-added = The organisations could not be added: { $error }
import-nothing-imported = Nothing was imported: { $error }
import-missing = { $count ->
    [one] { $count } organisation named in the file is not on this device: { $names }.
   *[other] { $count } organisations named in the file are not on this device: { $names }.
}
import-ask-coordinator = Ask a regional coordinator to add them, then import the file again.
import-add-missing = Add them (by name, with the IATI identifier the file gives), then check the file again
import-confirm = { $count ->
    [one] Import { $count } record
   *[other] Import { $count } records
}
import-cancel = Cancel
import-writing = { $count ->
    [one] Writing { $count } record…
   *[other] Writing { $count } records…
}
import-done = { $count ->
    [one] Imported: { $count } record added or changed on this device. It reaches the server at the next sync.
   *[other] Imported: { $count } records added or changed on this device. They reach the server at the next sync.
}
import-see-start-page = See the start page
import-see-follow-up = See the follow-up list
import-see-organisations = See the organisations
import-see-training-tools = See the training tools
import-see-projects = See the projects
import-summary = { $add } to add, { $change } to change, { $unchanged } already as in the file, { $refused } refused.
import-columns-read = Columns read: { $read }
import-columns-not-read = Columns read: { $read }. Not read (not a field of { $kind ->
    [organisations] organisations
    [contacts] contacts
    [training_tools] training tools
    [action_items] action items
    [projects] projects
   *[other] { $kind }
}): { $ignored }
import-not-kept = Not kept ({ $count })
import-refused = Refused ({ $count })
import-refused-rows = These rows will not be imported. Correct them in the spreadsheet and import the file again: rows already imported are not added twice.
import-refused-records = These records will not be imported; the others will.
import-column-line = Line
import-column-record = Record
import-column-row = Row
import-column-column = Column
import-column-field = Field
import-column-problem = Problem
import-to-add = To add ({ $count })
import-to-change = To change ({ $count })
import-more = … and { $count } more.

## Changes carried on a file (the Sync page)

carried-sign-in-to-save = Sign in to save your changes to a file.
carried-no-key = This device has not reached the server since you signed in, so it has no key to seal a file with yet; it gets one the next time it syncs. Until then your changes stay here, waiting.
carried-nothing-waiting = None of your changes are waiting to be sent.
carried-saved = { $count ->
    [one] { $count } change saved to { $file }. Carry it to a place with a connection and hand it to an administrator of Tradewinds, who takes it in. The change also stays here, and goes by itself when this device is next online.
   *[other] { $count } changes saved to { $file }. Carry it to a place with a connection and hand it to an administrator of Tradewinds, who takes it in. The changes also stay here, and go by themselves when this device is next online.
}
carried-save-about = No connection here for a long time? Your waiting changes can travel on a file (a USB stick, or e-mail sent from another place).
carried-save = Save my waiting changes to a file
carried-report = { $changes } change(s) by { $name } made { $time }: { $applied } applied now, { $already } already here, { $refused } refused.
carried-sign-in-to-take-in = Sign in again to take files in.
carried-not-taken-in = Not taken in: { $error }
carried-title = Changes carried on a file
carried-take-in-about = A file saved with “Save my waiting changes to a file” on a device that could not sync. Its changes are checked as if that person had synced: a file taken in twice changes nothing.
carried-take-in = Take in a changes file
carried-rejected = Change { $n }: { $message }
