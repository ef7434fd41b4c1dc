# Projects, the funding view and the IATI export.

## Projects: the list

project-live-option = Planned or under way
project-no-country = no country named
project-funding-link = Who funds what, where: overlaps and gaps
project-funded-by = funded by { $funders }
project-from-year = from { $year }
project-until-year = until { $year }
project-from = from { $date }
project-until = until { $date }
project-from-to = { $start } to { $end }

## Projects: an organisation's page

project-role-funds = funds
project-role-accountable = accountable
project-role-implements = implements
project-none-recorded = No project recorded.

## Projects: a project's page

project-remove-keeps = Missions that were part of it stay, without it.
project-topic-dac = { $topic } (DAC { $code })
project-dates = Dates
project-possible-duplication = Possible duplication
project-no-overlap = No other live project with other funders works on the same topic in the same country at the same time.
project-overlaps-intro = Other funders work on the same topic in the same country at the same time:

## Projects: the form

project-hint-identifier = The IATI activity identifier, if it has one
project-hint-ends = Leave empty while it is open
project-hint-sectors = DAC 5-digit purpose codes no topic above covers, e.g. 43010, separated by commas
project-hint-budget = A whole number, e.g. 1250000
project-hint-currency = ISO code: USD, CAD, GBP, EUR…
project-budget-invalid = Enter the budget as a whole number, e.g. 1250000 or 1,250,000.
project-may-be-recorded = This project may already be recorded: { $projects }. Check before saving a second copy.

## Projects: the IATI export

iati-download = Download as IATI XML…
iati-about = The projects shown, as IATI activity XML 2.03 for the IATI Registry and d-portal, published in the name of:
iati-reporting-organisation = Reporting organisation
iati-choose = Choose…
iati-identifier = Its IATI organisation identifier
iati-kind = Kind of organisation
iati-download-button = Download IATI XML
iati-written = { $count ->
    [one] 1 project written as an IATI activity.
   *[other] { $count } projects written as IATI activities.
}

## IATI organisation types (the IATI OrganisationType codelist)

iati-organisation-type-10 = Government
iati-organisation-type-15 = Other public sector
iati-organisation-type-21 = International NGO
iati-organisation-type-23 = Regional NGO
iati-organisation-type-40 = Multilateral
iati-organisation-type-60 = Foundation
iati-organisation-type-70 = Private sector
iati-organisation-type-80 = Academic, training and research
iati-organisation-type-90 = Other

## Who funds what, where

funding-title = Who funds what, where
funding-lead = Projects planned or under way, by country and topic. A marked cell is possible duplication: projects of different funders on the same topic in the same country at the same time. An empty cell is a gap no project covers.
funding-empty = No project planned or under way is recorded yet. { $add } to see who funds what, where.
funding-empty-add = Add a project
funding-summary = { $live ->
    [one] 1 live project
   *[other] { $live } live projects
} · { $overlaps ->
    [one] 1 possible duplication
   *[other] { $overlaps } possible duplications
} · { $uncovered } of { $countries } countries shown with no live project
funding-table = Funders by country and topic
funding-caption = Funders of live projects, by country (rows) and topic (columns)
funding-gap = none
funding-cell = { $count ->
    [one] 1 project in { $country } on { $topic }
   *[other] { $count } projects in { $country } on { $topic }
}
funding-overlap = Overlap:
funding-no-overlap = None: no two live projects of different funders share a country, a topic and their dates.
funding-pair = { $first } and { $second }
