# What is wrong with what a person entered or sent: checks on fields and the server's refusals.

## Any field

problem-required = This field is required.
problem-too-long = At most { $max } characters (this has { $count }).
problem-not-url = Enter a full web address starting with http:// or https://.
problem-not-email = Enter an e-mail address like name@customs.gov.bb.
problem-not-day = Enter a date as YYYY-MM-DD, for example { $example }.
problem-not-year = Enter a year between 1950 and 2100.
problem-not-phone = Use digits, spaces and + - ( ) only, e.g. +1 246 555 0100.
problem-unknown-topic = Unknown topic `{ $code }`.
problem-unknown-country = Unknown country code `{ $code }` (use ISO 3166 alpha-2, e.g. BB).
problem-unknown-language = Unknown language code `{ $code }`.
problem-too-many-orgs = At most { $max } organisations.
problem-no-language = Choose at least one language.
problem-not-iati-org-id = “{ $value }” is not an IATI organisation identifier: an agency's prefix and a number joined by hyphens, with no spaces or slashes (for example XM-DAC-41114).

## Records of each kind

problem-successor-not-defunct = Only a defunct organisation has a successor.
problem-memberships = Up to 30 memberships, each a name of at most 60 characters.
problem-contact-organisation = Choose the organisation this contact belongs to.
problem-tool-provider = Choose the organisation that provides this tool.
problem-meeting-starts = Enter the first day of the meeting.
problem-ends-before-starts = The last day cannot come before the first.
problem-meeting-organiser = Choose the organisation that convened or hosted the meeting.
problem-action-owner = Choose the organisation answerable for this action.
problem-action-owner-shares = The owner is already answerable: leave it out of those sharing the action.
problem-action-due = Enter the due date as 2013-04-30 (a day), 2013-04 (a month) or 2013-Q2 (a quarter), or leave it empty while it is to be decided.
problem-mission-provider = Choose the organisation that provides the assistance.
problem-mission-beneficiary = Choose the administration assisted (or at least the country).
problem-mission-starts = Enter the first day of the mission.
problem-project-ends-before-starts = The end cannot come before the start.
problem-project-accountable = Choose the organisation accountable for the project.
problem-project-funders = Choose at least one funder.
problem-too-many-sectors = At most { $max } sectors.
problem-not-dac-code = “{ $code }” is not a DAC 5-digit purpose code (for example 43010).
problem-budget-too-large = That is more than 100 billion: check the figure.
problem-not-currency = Use a three-letter ISO 4217 code, e.g. USD, CAD, GBP or EUR.
problem-currency-missing = Say which currency the budget is in, e.g. USD.
problem-document-url = Give the address where the document is published, e.g. https://www.cartac.org/…, or attach the file.
problem-document-publisher = Choose the organisation that published it.
problem-file-hash = The file's fingerprint is not a SHA-256 (64 hexadecimal digits).
problem-file-name = Give the file a name without folders or control characters, of at most 200 characters.
problem-file-empty = The file is empty.
problem-file-too-large = A file may be at most { $max } MB; this one is { $size } MB. Reduce it (a photo) or save it smaller (a PDF).
problem-file-type = Tradewinds keeps PDF files, office documents (Word, Excel, PowerPoint, OpenDocument), JPEG, PNG, GIF and WebP images and plain text; this file is none of these.
problem-file-markup = Web pages, SVG drawings and other markup cannot be attached, as a browser could run them. Save it as a PDF instead.
problem-file-packed = This file unpacks to far more than its size (a "zip bomb"), so it is not kept.
problem-file-claimed = The file's content is { $found }, not the { $claimed } its document says.
problem-file-mismatch = The bytes received do not match the file's fingerprint; it will be sent again from the start.
problem-file-not-attached = No document you may edit names this file, so it cannot be uploaded.
problem-file-not-uploaded = This file has not reached the server yet: the device that attached it will send it when it is next online.
problem-file-offset = The server holds { $received } bytes of this file; send the part that starts there.
problem-file-part-too-large = A part may be at most { $max } bytes, and the file ends at byte { $size }.

## Accounts

problem-password-short = Use at least { $min } characters.
problem-password-long = Use at most { $max } bytes.
problem-not-current-password = This is not your current password.
problem-office-editor-organisation = An office editor works for one organisation: choose it.

## Who may change what

problem-viewer-cannot-change = Your account can read the catalogue but not change it (viewer). Ask an administrator for editing rights.
problem-office-editor-without-organisation = Your account is an office editor without an organisation; ask an administrator to set yours.
problem-only-coordinators-add-orgs = Only regional coordinators can add organisations.
problem-only-coordinators-remove-orgs = Only regional coordinators can remove organisations.
problem-only-coordinators-change-org-field = Only regional coordinators can change an organisation's “{ $field }”.
problem-only-coordinators-restore = Only a regional coordinator can restore a removed record.
problem-another-offices-record = This record belongs to another organisation: only that office or a regional coordinator can change it.
problem-own-office-only = An office editor can only save records of their own organisation.

## Changes as the server receives them

problem-not-true-or-false = Must be true or false.
problem-no-such-field = Records of this kind have no field named `{ $field }`.
problem-unknown-field = Unknown field `{ $field }`.
problem-wrong-value = Wrong value: { $detail }.
problem-wrong-kind = Record { $id } is of kind “{ $stored }”, not “{ $sent }”.
problem-context-unchanged-field = A context is given for a field the mutation does not change.
problem-removal-alone = Removing or restoring a record changes nothing else: send the other changes separately.
problem-unseen-versions = This change was made having seen versions of this field that were never received here (after a server was restored from a backup, or from a faulty app); it was refused. Send it again to make it on the record as it is now.

## Importing a file: a row's cells

problem-import-not-id = “{ $text }” is not a record id.
problem-import-id-of-other-kind = This id belongs to a record of another kind here ({ $kind }); a record keeps its kind.
problem-import-row-of-many = This row matches { $count } records on this device: add the { $column } column to say which one.
problem-import-beyond-headers = This cell is beyond the last column with a header.
problem-import-same-record = Line { $line } is the same record: keep one of the two rows.
problem-import-no-such-id = There is no { $kind } with the id { $id } on this device.
problem-import-name-of-many = “{ $text }” names { $count } records of kind { $kind }: write the one meant by its full name or id.
problem-import-no-such-name = There is no { $kind } called “{ $text }” on this device: add it first, or correct the name.
problem-import-not-known = “{ $text }” is not a known value for “{ $what }” (for example { $examples }).
problem-import-not-topic = “{ $text }” is not a known topic (for example { $examples }).
problem-import-not-day = “{ $text }” is not a date: write it as 2013-04-15 or 15 April 2013.
problem-import-not-due = “{ $text }” is not a due date: write 2013-04-15, April 2013, 2nd quarter 2013 or 2013-Q2, or leave it empty.
problem-import-not-whole = “{ $text }” is not a whole number.
a-country = country
a-language = language
record-noun-organisation = organisation
record-noun-contact = contact
record-noun-training_tool = training tool
record-noun-programme = programme
record-noun-meeting = meeting
record-noun-action_item = action item
record-noun-project = project
record-noun-mission = mission
record-noun-document = document

## The IATI export's reporting organisation

problem-reporter-missing = Enter the reporting organisation's IATI identifier (for example XM-DAC-41114): IATI files name who publishes them.
problem-reporter-kind = Choose what kind of organisation the reporting organisation is.
problem-reporter-name = Choose the reporting organisation.

## Starting from a copy of the catalogue

problem-copy-unknown-kind = “{ $kind }” is not a kind of record this release knows.
problem-copy-twice = The copy holds this record twice: only the first is read.

## Changes the server refuses

problem-clock-ahead = The device's clock is more than a day ahead of the server; correct the date and time, then resubmit.
problem-record-invalid = The change was refused: the record would not be valid.

## Changes carried on a file

problem-file-not-changes = This is not a Tradewinds changes file (one made by "Save my waiting changes to a file"): { $detail }
problem-file-newer = This changes file was made by a newer release of Tradewinds (version { $version }); update the server first.
problem-file-changes-unreadable = This changes file's changes cannot be read: { $detail }
problem-file-not-text = This changes file is not taken in: it is not text (a changes file is UTF-8 JSON).
problem-file-servers-device = This changes file is not taken in: its device is the server's own.
problem-file-numbered-from-zero = This changes file is not taken in: its changes are numbered from 0; they start at 1.
problem-file-gap-inside = This changes file is not taken in: its change { $first } is followed by { $next }; changes are numbered without gaps.
problem-file-server-device = This device id belongs to the server.
problem-file-altered = This file was changed after it was made, or it was made for another server: nothing was taken in. Save the changes to a file again on the device.
problem-file-account-disabled = This file's changes are by "{ $name }", whose account is disabled or does not exist here: nothing was taken in.
problem-file-key-withdrawn = This file was sealed on its device with a key withdrawn since ("{ $name }" signed out everywhere, or an administrator set their password): nothing was taken in. Its changes are still on the device and reach the server when it syncs online; or sign in on it again and save a new file.
problem-file-foreign-copy = This file was made against a copy of the catalogue this server no longer holds (it was restored from a backup or replaced): nothing was taken in. The device's changes reach the server when it next syncs online.
problem-file-gap = This file's changes start at number { $first }, but the server has had only up to { $before } from this device: an earlier file (or sync) has not reached it. Take that one in first; nothing was taken in.
problem-file-device-not-yours = This device id belongs to another account: its changes are taken only from the account that first sent under it.

## The server's answers to requests

problem-sign-in-first = Sign in first: this request has no valid session (missing, expired or signed out).
problem-wrong-credentials = The email or password is not right (or the account is disabled).
problem-too-many-attempts = { $seconds ->
    [one] Too many failed sign-ins or wrong passwords. Wait 1 second, then try again.
   *[other] Too many failed sign-ins or wrong passwords. Wait { $seconds } seconds, then try again.
}
problem-admins-only = Only administrators manage accounts.
problem-no-user = No user with id { $id }.
problem-not-user-id = `{ $text }` is not a user id (a UUID).
problem-no-organisation = No organisation with id { $id }.
problem-email-taken = There is already an account for { $email }.
problem-last-admin = This is the last active administrator: make someone else an administrator first.
problem-cannot-add = Your account ({ $role }) cannot add records of this kind ({ $kind }).
problem-cannot-change = Your account ({ $role }) cannot change this { $kind }.
problem-no-record = No { $kind } with id { $id }.
problem-reserved-field = `{ $field }` cannot be set in the body: the id is in the URL, and DELETE removes a record.
problem-empty-body = The body has no fields to store.
problem-record-not-valid = The record is not valid:
problem-device-not-yours = This device id belongs to another account: changes are accepted only from the account that first sent under it. The app continues as a new device of yours.
problem-too-many-devices = This account already syncs from { $max } devices, the most one account may have; ask an administrator.
problem-server-device = This device id belongs to the server; a device pushes under its own random id.
problem-push-too-long = At most { $max } mutations per push; send the rest in the next one.
problem-push-too-many = At most { $max } mutations per push (got { $count }).
problem-not-consecutive = Mutations must be numbered consecutively; { $first } is followed by { $next }.
problem-numbers-start-at-one = Mutation numbers start at 1.
problem-mutation-gap = This device's next mutation is { $next }, but the push starts at { $first }: send the missing ones first.
problem-cursor-reset = This server's data is not the copy this device last synced with (it was restored from a backup or replaced). Load it again, then send the waiting changes.
problem-not-cursor = `{ $cursor }` is not a cursor this server issued.
problem-bootstrap-gone = This download of the catalogue is no longer kept; read /api/v1/sync/bootstrap again.
problem-not-generation = This is not a generation's name (expected /api/v1/sync/bootstrap/GENERATION/PAGE, as the index names them).
problem-not-page = A page is a number counted from 0 (expected /api/v1/sync/bootstrap/GENERATION/PAGE, as the index names them).
problem-copy-holds-every-kind = A catalogue copy holds every kind: leave kind out with format=json.
problem-iati-holds-projects = An IATI file holds projects: use kind=projects with format=iati.
problem-unknown-format = `{ $format }` is not a format this server imports; use format=csv, format=iati or format=json.
problem-import-kind-missing = Say which kind the file holds: kind is one of { $kinds }.
problem-import-kind-wrong = `{ $kind }` cannot be imported; kind is one of: { $kinds }.
problem-no-endpoint = There is no API endpoint at { $path }.
problem-method-not-taken = { $path } does not take { $method }.
problem-no-such-kind = There are no records of kind `{ $kind }` (known: { $known }).
problem-not-record-id = `{ $text }` is not a record id (a UUID such as 0b6f3c3e-5b1a-4c8e-9d59-2f0c1a7e4b10).
problem-body-wrong-shape = The request body has the wrong shape: { $detail }
problem-body-not-json = The request body is not valid JSON: { $detail }
problem-body-not-json-type = Send the body as JSON with `Content-Type: application/json`.
problem-body-unreadable = The request body could not be read: { $detail }
problem-body-too-large = The request body is larger than { $max } bytes.
problem-request-not-taken = { $detail }
problem-bad-query = { $detail } (expected { $expected })
problem-no-metrics = There is nothing at /metrics: the server was started without a metrics token.
problem-internal = Something went wrong on the server; it has been logged.

## Files that cannot be imported

problem-csv-empty = The file is empty: it has no header line.
problem-csv-not-text = This is not a CSV text file (it may be a spreadsheet's own format): save it from the spreadsheet as "CSV UTF-8" and choose that file.
problem-csv-unclosed-quote = Line { $line } opens a quoted cell (") that is never closed, so the rest of the file cannot be read.
problem-csv-too-many-rows = The file has more than { $limit } rows; split it into smaller files.
problem-not-importable = Records of kind “{ $kind }” cannot be imported from CSV.
problem-no-columns = No column of this file is a field of records of kind “{ $kind }”: the header line should name columns such as { $expected }.
problem-same-field-twice = The columns “{ $first }” and “{ $second }” are the same field: keep one of them.
problem-not-xml = The file cannot be read as XML at line { $line }: { $detail }.
problem-not-copy-json = The file cannot be read as a catalogue copy at line { $line }: { $detail }.
problem-xml-doctype = The file cannot be read as XML at line { $line }: the file declares a DOCTYPE, which IATI files do not; it is refused rather than have what it declares expanded.
problem-xml-entity = The file cannot be read as XML at line { $line }: “&{ $entity };” is not one of XML's own entities, and the file may not declare others.
problem-xml-cut-short = The file cannot be read as XML at line { $line }: the file ends before <{ $element }> is closed (it may be cut short).
problem-iati-no-elements = This file has no XML elements: it is not an IATI activity file.
problem-iati-two-roots = The file has more than one root element: it is not an IATI activity file.
problem-iati-organisation-file = This is an IATI organisation file: choose an activity file (<iati-activities>).
problem-iati-other-root = This is not an IATI activity file: it starts with <{ $element }>, not <iati-activities>.
problem-iati-version = IATI version “{ $version }” is not read: this import reads versions 2.01 to 2.03.
problem-copy-not-copy = This JSON file is not a copy of a Tradewinds catalogue: it has no "format": "tradewinds-catalogue".
problem-copy-newer = This copy is of layout version { $version }, written by a newer Tradewinds; this one reads version { $read }. Update the app, then read it again.
problem-copy-no-version = This copy does not say which layout version it is ("version").

## What an IATI file holds that is not kept

problem-iati-note-accountable = { $activity }: { $kept } is taken as accountable; { $others } not kept as such.
problem-iati-note-countries = { $activity }: recipient countries outside the catalogue's list are not kept ({ $codes }).
problem-iati-note-sectors = { $activity }: sectors { $codes } are not DAC 5-digit codes and are not kept.
problem-iati-note-currencies = { $activity }: budgets in currencies other than { $currency } are not added.
