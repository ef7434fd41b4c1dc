# Tradewinds: the interface in English, the source language.
# Each message is `key = text`; `{ $name }` is a value the app puts in, and
# `{ $count -> [one] … *[other] … }` chooses by plural form. Keys and values stay in English.

## The language switch

language = Language
language-now = The interface is now in English.

## Starting the app

app-opening = Opening the catalogue…
app-opening-slow = Still waiting: if Tradewinds is open in another tab or window, close or reload it so that this one can finish updating the data kept on this device.
app-cannot-start = Tradewinds cannot start
app-storage-failed = The browser's storage could not be opened: { $error }.
app-storage-hint = Tradewinds keeps its data in this browser. Leave private browsing, allow site data for this address, and reload.
page-not-found = Page not found
go-to-start = Go to the start page

## The page around every screen

skip-to-content = Skip to content
menu = Menu
nav-main = Main
nav-organisations = Organisations
nav-training = Training tools
nav-meetings = Meetings
nav-actions = Action items
nav-missions = Missions
nav-projects = Projects
nav-funding = Funding
nav-search = Search
nav-sync = Sync
nav-about = About
nav-users = Users
understood = Understood
sign-in-again = Sign in again
update-ready = A new version is ready —
update-reload = Reload
update-data-stays = Your data stays on this device.
install = Install

## The start page

home-title = Caribbean customs capacity building
home-search-label = Search everything
home-search-placeholder = A name, a topic, a country…
search-button = Search
home-lead = Who offers what to the customs administrations of the region: organisations and their contacts, the training tools officers can use, the missions and projects donors fund, and the meetings where they agree who does what. Everything works on this device without a connection and syncs when one appears.
home-organisations = { $count ->
    [one] organisation
   *[other] organisations
}
home-organisations-about = Donors, providers, regional bodies and customs administrations
home-training = { $count ->
    [one] training tool
   *[other] training tools
}
home-training-about = E-learning, workshops and guides, by topic and language
home-meetings = { $count ->
    [one] meeting
   *[other] meetings
}
home-meetings-about = Donor coordination meetings and video conferences, with what they agreed
home-actions = { $count ->
    [one] action item
   *[other] action items
}
home-actions-about = Who agreed to do what, by when, and whether it is done
home-missions = { $count ->
    [one] mission
   *[other] missions
}
home-missions-about = Technical assistance missions and what they found
home-projects = { $count ->
    [one] project
   *[other] projects
}
home-projects-about = Who funds and implements what, where:
home-overlaps = overlaps and gaps
add-training-tool = Add a training tool
add-organisation = Add an organisation
own-follow-up = { $pending ->
    [0] No action item to do.
    [one] { $overdue ->
        [0] 1 action item to do.
       *[other] 1 action item to do, and it is overdue.
    }
   *[other] { $overdue ->
        [0] { $pending } action items to do.
       *[other] { $pending } action items to do, { $overdue } of them overdue.
    }
}
see-its-page = See its page

## Lists

list-count-organisations = { $shown } of { $total } organisations
list-count-training_tools = { $shown } of { $total } training tools
list-count-missions = { $shown } of { $total } missions
list-count-projects = { $shown } of { $total } projects
list-search = Search
list-show-more = Show { $count } more
list-not-shown = ({ $count } not shown yet)
download-csv = Download as CSV
import-from-spreadsheet = Import from a spreadsheet
file-not-made = The file could not be made: { $error }

## The sync status in the header

sync-all-saved = All changes saved to the server
sync-not-yet = Not yet synced
sync-waiting-since = { $count ->
    [one] 1 change waiting since { $time }
   *[other] { $count } changes waiting since { $time }
}
sync-waiting = { $count ->
    [one] 1 change waiting
   *[other] { $count } changes waiting
}
sync-signed-out = { $count ->
    [0] Signed out — sign in again to sync
    [one] Signed out — sign in again to send 1 waiting change
   *[other] Signed out — sign in again to send { $count } waiting changes
}
sync-last = last synced { $time }
sync-loading-of = loading the catalogue: { $got } of { $total } records
sync-loading = loading the catalogue: { $got } records
sync-syncing = syncing…
sync-offline = offline: changes are kept on this device
sync-problem = sync problem: { $error }
sync-held = { $count ->
    [one] 1 change made by { $who } not sent under your name — see Sync
   *[other] { $count } changes made by { $who } not sent under your name — see Sync
}
sync-another-person = another person
sync-refused = { $count } refused by the server — see Sync
left-seconds-few = a few seconds left
left-seconds = about { $count } seconds left
left-minute = about a minute left
left-minutes = about { $count } minutes left
left-hour = over an hour left

## Signing in

sign-in = Sign in
signing-in = Signing in…
email = Email
password = Password
required-mark = {" "}(required)
sign-in-lead = Tradewinds keeps the catalogue of Caribbean customs capacity building on this device. Sign in once while online; after that it opens and works without a connection.
sign-in-as-someone-else = You are signed in. To work as someone else, sign in with their account; changes not yet sent stay with the person who made them.
sign-in-session-ended = Your session has ended. Everything you did on this device is kept; sign in again to send it.
sign-in-offline = Signing in needs a connection to the server, and it cannot be reached now. Try again when you are online; anything already on this device stays here.
sign-in-failed = Signing in did not work: { $error }
sign-in-enter-email = Enter the email address of your account.
sign-in-enter-password = Enter your password.
sign-in-last-person = the last person signed in
sign-in-waiting = { $count ->
    [one] 1 change made on this device by { $who } waits to be sent. It is sent when { $who } signs in here, never under another name.
   *[other] { $count } changes made on this device by { $who } wait to be sent. They are sent when { $who } signs in here, never under another name.
}
sign-in-waiting-several = { $count } changes made on this device by { $who } and others wait to be sent. Each is sent when the person who made it signs in here, never under another name.

# Fields, coded values, countries, languages and topics. Their keys follow the code:
# `field-<kind>-<field>`, `<Enum>-<code>`, `country-<code>`, `language-<code>`, `topic-<code>`;
# `i18n::tests` keeps these English texts equal to the labels in the code.

## Organisations: fields

field-organisations-name = Name
field-organisations-acronym = Acronym
field-organisations-iati_identifier = IATI organisation identifier
field-organisations-category = Category
field-organisations-country = Country
field-organisations-website = Website
field-organisations-parent = Part of
field-organisations-status = Status
field-organisations-successor = Successor
field-organisations-languages = Languages
field-organisations-memberships = Member of
field-organisations-description = Description
field-organisations-source = Source of these facts

## Contacts: fields

field-contacts-organisation = Organisation
field-contacts-role_title = Role title
field-contacts-name = Name
field-contacts-email = E-mail
field-contacts-phone = Phone
field-contacts-language = Language
field-contacts-duties = Focal-point duties
field-contacts-source = Source of these facts

## Training tools: fields

field-training_tools-title = Title
field-training_tools-provider = Provider
field-training_tools-programme = Programme
field-training_tools-format = Format
field-training_tools-platform = Platform
field-training_tools-languages = Languages
field-training_tools-duration = Duration
field-training_tools-audience = Audience
field-training_tools-access = Access
field-training_tools-certification = Certification
field-training_tools-cost = Cost
field-training_tools-url = Web address
field-training_tools-topics = Topics
field-training_tools-last_verified = Last checked
field-training_tools-description = Description
field-training_tools-source = Source of these facts

## Programmes: fields

field-programmes-name = Name
field-programmes-acronym = Acronym
field-programmes-owner = Run by
field-programmes-started = Started
field-programmes-description = Description
field-programmes-source = Source of these facts

## Meetings: fields

field-meetings-title = Title
field-meetings-kind = Kind of meeting
field-meetings-starts = First day
field-meetings-ends = Last day
field-meetings-venue = Venue
field-meetings-country = Country
field-meetings-organiser = Organised by
field-meetings-chair = Chair
field-meetings-attendees = Organisations taking part
field-meetings-topics = Topics
field-meetings-summary = Summary
field-meetings-source = Source of these facts

## Action items: fields

field-action_items-meeting = Agreed at
field-action_items-mission = Recommended by the mission
field-action_items-text = Action
field-action_items-owner = Owner
field-action_items-co_owners = Shared with
field-action_items-due = Due
field-action_items-status = Status
field-action_items-progress = Progress
field-action_items-source = Source of these facts

## Projects: fields

field-projects-title = Title
field-projects-identifier = Identifier
field-projects-status = Status
field-projects-starts = Start
field-projects-ends = End
field-projects-accountable = Accountable
field-projects-funders = Funded by
field-projects-implementers = Implemented by
field-projects-countries = Countries
field-projects-topics = Topics
field-projects-sectors = Other DAC sectors
field-projects-budget = Budget
field-projects-currency = Currency
field-projects-programme = Programme
field-projects-description = Description
field-projects-source = Source of these facts

## Missions: fields

field-missions-title = Title
field-missions-provider = Provided by
field-missions-beneficiary = Administration assisted
field-missions-country = Country
field-missions-project = Project
field-missions-starts = First day
field-missions-ends = Last day
field-missions-phase = Phase
field-missions-topics = Topics
field-missions-findings = Findings
field-missions-recommendations = Recommendations
field-missions-report_access = Who may read the full report
field-missions-report_url = Where the report is kept
field-missions-source = Source of these facts

## Documents: fields

field-documents-title = Title
field-documents-kind = Kind
field-documents-url = Web address
field-documents-file = File
field-documents-publisher = Published by
field-documents-meeting = Meeting
field-documents-mission = Mission
field-documents-project = Project
field-documents-language = Language
field-documents-published = Published on
field-documents-description = Description

## RecordKind

RecordKind-organisation = Organisation
RecordKind-contact = Contact
RecordKind-training_tool = Training tool
RecordKind-programme = Programme
RecordKind-meeting = Meeting
RecordKind-action_item = Action item
RecordKind-project = Project
RecordKind-mission = Mission
RecordKind-document = Document

## OrgCategory

OrgCategory-donor = Donor
OrgCategory-ta_provider = Technical assistance provider
OrgCategory-customs_administration = Customs administration
OrgCategory-regional_body = Regional body
OrgCategory-international_organisation = International organisation
OrgCategory-academic = Academic

## OrgStatus

OrgStatus-active = Active
OrgStatus-defunct = Defunct

## ToolFormat

ToolFormat-e_learning = E-learning
ToolFormat-classroom = Classroom
ToolFormat-workshop = Workshop
ToolFormat-blended = Blended
ToolFormat-webinar = Webinar
ToolFormat-train_the_trainer = Train-the-trainer
ToolFormat-guide = Manual or guide

## Audience

Audience-all_staff = All staff
Audience-frontline = Front-line officers
Audience-specialist = Specialists
Audience-management = Managers
Audience-trainers = Trainers

## AccessRule

AccessRule-open = Open to all
AccessRule-members_only = Members only
AccessRule-national_coordinator = Through the national coordinator
AccessRule-formal_request = On formal request

## Role

Role-viewer = Viewer
Role-office_editor = Office editor
Role-coordinator = Coordinator
Role-admin = Administrator

## DocumentKind

DocumentKind-agenda = Agenda
DocumentKind-minutes = Minutes or report of a meeting
DocumentKind-presentation = Presentation
DocumentKind-mission_report = Mission report
DocumentKind-photo = Photo
DocumentKind-other = Other document

## MeetingKind

MeetingKind-donor_coordination = Donor coordination
MeetingKind-steering = Steering committee
MeetingKind-video_conference = Video conference
MeetingKind-workshop = Workshop or seminar
MeetingKind-other = Other meeting

## ActionStatus

ActionStatus-open = Open
ActionStatus-in_progress = In progress
ActionStatus-done = Done
ActionStatus-cancelled = Cancelled

## MissionPhase

MissionPhase-diagnostic = Diagnostic
MissionPhase-implementation = Implementation
MissionPhase-monitoring = Monitoring and follow-up

## ReportAccess

ReportAccess-public = Public
ReportAccess-participants = The organisations involved
ReportAccess-on_request = On request to the beneficiary administration
ReportAccess-confidential = Confidential

## ProjectStatus

ProjectStatus-pipeline = Pipeline
ProjectStatus-implementation = Implementation
ProjectStatus-finalisation = Finalisation
ProjectStatus-closed = Closed
ProjectStatus-cancelled = Cancelled
ProjectStatus-suspended = Suspended

## Countries and territories

country-AI = Anguilla
country-AG = Antigua and Barbuda
country-AW = Aruba
country-BS = Bahamas
country-BB = Barbados
country-BE = Belgium
country-BZ = Belize
country-BM = Bermuda
country-VG = British Virgin Islands
country-CA = Canada
country-KY = Cayman Islands
country-CO = Colombia
country-CR = Costa Rica
country-CW = Curaçao
country-DM = Dominica
country-DO = Dominican Republic
country-FR = France
country-GD = Grenada
country-GT = Guatemala
country-GY = Guyana
country-HT = Haiti
country-HN = Honduras
country-JM = Jamaica
country-MX = Mexico
country-MS = Montserrat
country-NL = Netherlands
country-NI = Nicaragua
country-PA = Panama
country-KN = Saint Kitts and Nevis
country-LC = Saint Lucia
country-VC = Saint Vincent and the Grenadines
country-SX = Sint Maarten
country-ES = Spain
country-SR = Suriname
country-TT = Trinidad and Tobago
country-TC = Turks and Caicos Islands
country-GB = United Kingdom
country-US = United States
country-VE = Venezuela

## Languages of records

language-en = English
language-fr = French
language-es = Spanish
language-nl = Dutch
language-pt = Portuguese
language-ht = Haitian Creole

## Topics

topic-risk_management = Risk management
topic-strategic_planning = Strategic planning
topic-integrity = Integrity and transparency
topic-valuation = Valuation, classification and origin
topic-post_clearance_audit = Post-clearance audit
topic-enforcement = Enforcement and intelligence
topic-small_vessels = Small-vessel clearance
topic-leadership = Leadership and management
topic-it_automation = IT and automation
topic-legislation = Legislation
topic-revenue = Revenue administration
topic-trade_facilitation = Trade facilitation

regional-international = Regional / international

## Organisations

org-search-placeholder = Name, acronym, country…
all-categories = All categories
all-countries = All countries
active-and-defunct = Active and defunct
row-defunct = defunct
needs-review = needs review
source-is = Source: { $source }
org-new-refused = Only regional coordinators and administrators add organisations: your account cannot save this form.
none-option = (none)
hint-website = Full address, e.g. https://www.cartac.org
hint-iati-organisation = As IATI files name it, e.g. XM-DAC-41114; IATI's organisation registry lists them. IATI imports match organisations by it
hint-memberships = Separate with commas, e.g. CARTAC, CCLEC

## Training tools

tool-search-placeholder = Title, topic, provider…
all-formats = All formats
language-filter = Language
all-languages = All languages
topic-filter = Topic
all-topics = All topics
all-providers = All providers
read-only-refused = Your account can read the catalogue but not add to it.
choose-organisation = Choose an organisation
hint-day = YYYY-MM-DD

## The Sync page

sync-now = Sync now
needs-attention = Needs attention
nothing-refused = Nothing: the server accepted every change sent from this device.
waiting-to-be-sent = Waiting to be sent
no-changes-waiting = No changes waiting.
not-discarded = Not discarded: { $error }
held-title = Changes by { $who }
held-explained = { $count ->
    [one] 1 change made on this device by { $who } was never sent. It is not sent under your name. { $who } can sign in on this device to send it; or discard it (it is then lost).
   *[other] { $count } changes made on this device by { $who } were never sent. They are not sent under your name. { $who } can sign in on this device to send them; or discard them (they are then lost).
}
sign-in-as = Sign in as { $who }
discard-held = { $count ->
    [one] Discard { $who }’s 1 change
   *[other] Discard { $who }’s { $count } changes
}
made-by-at = made by { $who } { $time }
made-at = made { $time }
open = Open
still-not-valid = Still not valid: { $error }. Open the record to correct it.
open-the-record = Open the record
send-again = Send again
discard-this-change = Discard this change
edited-in-two-places = Edited in two places
no-conflicts = No conflicts.
untitled = (untitled)
choose-value-to-keep = “{ $field }” was changed in two places. Choose the value to keep:
device-named = device { $device }
keep-this = Keep this

## Other lists and forms

filter-country = Country
filter-kind = Kind
filter-organisation = Organisation
filter-status = Status
filter-phase = Phase
all-statuses = All statuses
all-kinds = All kinds
all-phases = All phases
choose-option = (choose)
not-set = (not set)
add-meeting = Add a meeting
meeting-search-placeholder = Title, place, topic, organiser…
any-organiser-or-participant = Any organiser or participant
meeting-new-refused = Your account cannot add meetings (viewer): this form cannot be saved.
none-online-or-regional = (none: online or regional)
action-search-placeholder = Action, owner, meeting, mission…
any-owner = Any owner
choose-owner = (choose the organisation answerable)
add-mission = Add a mission
mission-search-placeholder = Title, finding, country…
any-provider-or-beneficiary = Any provider or beneficiary
mission-new-refused = Your account cannot add missions (viewer): this form cannot be saved.
add-project = Add a project
project-search-placeholder = Title, identifier, funder, country…
any-funder-or-implementer = Any funder or implementer
project-new-refused = Your account cannot add projects (viewer): this form cannot be saved.

## Your account

your-account = Your account
name = Name
role = Role
not-given = (not given)
account-session-ended = Your session has ended. Your work on this device is kept.
to-send-it = to send it.
session-ended-first = Your session has ended: sign in again first.
needs-connection = { $doing } needs a connection to the server, and it cannot be reached now. Try again when online.
signing-out-everywhere = Signing out everywhere
sign-out = Sign out
sign-out-everywhere = Sign out everywhere
not-yet-sent = { $count ->
    [one] 1 change is not yet sent to the server. They stay on this device and are sent when you sign in here again.
   *[other] { $count } changes are not yet sent to the server. They stay on this device and are sent when you sign in here again.
}
sign-out-everywhere-hint = “Sign out everywhere” ends your sessions on every device, and changes files saved on them are no longer taken in: for instance after losing a laptop.
enter-current-password = Enter your current password.
changing-the-password = Changing the password
change-your-password = Change your password
current-password = Current password
new-password = New password
at-least-10 = At least 10 characters
password-changed = Password changed. Your other sessions have been signed out.
change-password = Change password
adding-a-user = Adding a user
changing-an-account = Changing an account

## Record pages, search and history

loading = Loading…
could-not-read = Could not read the catalogue: { $error }
record-not-found = { $what } not found
may-have-been-deleted = It may have been deleted, or not synced to this device yet.
back-to-the-list = Back to the list
edit-named = Edit { $name }
edit = Edit
edited-at-once = Edited in two places at once: { $fields }.
review-on-sync = Review on the Sync page
search-everything-here = Search everything on this device
search-placeholder = A name, a topic, a country, a finding…
search-intro = Organisations, contacts, training tools, meetings, action items, missions, projects and documents.
search-results = { $count ->
    [0] Nothing found. Try fewer or shorter words.
    [one] 1 result
   *[other] { $count } results{ $more ->
        [yes] ; the best { $shown } are shown
       *[no] {""}
    }
}
history = History
loading-history = Loading the history…
history-when-online = History is shown when online.
history-when-signed-in = History is shown when you are signed in and online.
history-failed = The history could not be loaded: { $error }
no-changes-recorded = No changes recorded.

## About this device

about-this-device = About this device
version = Version
megabytes = { $mb } MB
stored-on-device = Stored on this device
storage-of = { $used } of { $quota } available to this site
browser-does-not-say = This browser does not say.
kept-when-low = Kept when space runs low
kept-yes = Yes: the browser will not clear Tradewinds' data by itself.
kept-not-guaranteed = Not guaranteed: the browser may clear it if the device runs short of space. Changes not yet synced would be lost.
ask-to-keep = Ask the browser to keep Tradewinds' data
granted = Granted.
not-granted = Not granted. Installing the app, or using it regularly, usually makes the browser agree.
catalogue-copy = A copy of the catalogue
catalogue-copy-about = Every record on this device, of every kind, as one file to keep: it reads back in here or on another device, and a synced device's copy is the same as the server's.
download-copy = Download a copy of the catalogue
read-copy-back = Read a copy back in
copy-saved = Saved: { $count } records.
copy-not-saved = The copy could not be saved: { $error }

## Talking to the server

call-offline = the server cannot be reached
call-signed-out = signed out: sign in again
call-server-forgot = the server has lost changes it had accepted from this device (restored from a backup?)
call-server-reset = the server was restored from a backup or replaced; its data is being loaded again
call-device-taken = this browser's device id belongs to another account
call-server-problem = the server had a problem (HTTP { $status }); it will be retried
call-bad-answer = the server's answer could not be read: { $error }
call-storage-failed = this browser's storage failed: { $error }
server-refused-http = The server refused the request (HTTP { $status }).

## Forms and removing a record

save = Save
cancel = Cancel
correct-fields = { $count ->
    [one] Please correct 1 field marked below.
   *[other] Please correct { $count } fields marked below.
}
sign-in-to-save = Sign in to save changes.
not-saved-still-in-form = Not saved: { $error }. What you typed is still in the form.
not-saved-free-space = Not saved: { $error }. Your entry is still in the form; free some space on the device and try again.
edit-removed-meanwhile = this record was removed (on this or another device) while you edited it
edit-written-here = another tab of this browser saved some of these fields meanwhile
remove-this = Remove this { $kind }
remove-this-ask = Remove this { $kind }? { $keeps }It leaves the lists on every device once synced.
yes-remove = Yes, remove it
keep-it = Keep it
sign-in-to-remove = Sign in to remove it.
not-removed = Not removed: { $error }
screen-not-loaded = This screen could not be loaded ({ $error }). Open it again once connected.
sync-code-not-loaded = the sync code could not be loaded ({ $error }); trying again

## This browser's storage

db-failed = the browser's database failed: { $error }
db-unreadable = stored data could not be read: { $error }
db-unstorable = data could not be written in storable form: { $error }
db-unavailable = this browser has no usable storage (private mode or storage disabled?)
held-on-sign-in = { $count ->
    [one] This browser holds 1 change made by { $who } that was never sent. It is not sent under your name: { $who } can sign in here to send it, or you can discard it on the Sync page.
   *[other] This browser holds { $count } changes made by { $who } that were never sent. They are not sent under your name: { $who } can sign in here to send them, or you can discard them on the Sync page.
}

## Dates

date-day-month = { $day } { $month ->
    [1] January
    [2] February
    [3] March
    [4] April
    [5] May
    [6] June
    [7] July
    [8] August
    [9] September
    [10] October
    [11] November
   *[12] December
}
date-day = { $daymonth } { $year }
date-month = { $month ->
    [1] January
    [2] February
    [3] March
    [4] April
    [5] May
    [6] June
    [7] July
    [8] August
    [9] September
    [10] October
    [11] November
   *[12] December
} { $year }
date-quarter = { $quarter ->
    [1] 1st
    [2] 2nd
    [3] 3rd
   *[4] 4th
} quarter { $year }
date-to-be-decided = To be decided
dates-in-month = { $first }–{ $last }
dates-in-year = { $first } – { $last }
dates-apart = { $first } – { $last }

## Spreadsheets (CSV): the columns a list's download adds to its fields, and its words
csv-overdue = Overdue
csv-from = From
csv-dac-sectors = DAC sectors
csv-country = Country
csv-overlap = OVERLAP: { $funders }

## The installed app's name and description (its web app manifest)
manifest-name = Tradewinds — Caribbean customs capacity building
manifest-description = Who offers what to Caribbean customs administrations: organisations, contacts, training tools, projects, missions and meetings. Works offline and syncs by itself.

## Values as history and forms show them
value-empty = (empty)
value-deleted = deleted
value-restored = restored
value-yes = yes
value-no = no
value-not-on-device = a record not on this device ({ $id })
form-written-here = Not saved yet: while this form was open, another tab of this browser saved { $fields }. Save again to replace that with what is in this form.
form-field-as = { $field } as “{ $value }”
value-line = Line { $line }
value-column = column { $number }
