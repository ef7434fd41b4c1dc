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
