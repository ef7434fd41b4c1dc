# Projects, the funding view and the IATI export.

## Projecten: de lijst

project-live-option = Gepland of lopend
project-no-country = geen land vermeld
project-funding-link = Wie financiert wat, en waar: overlappingen en lacunes
project-funded-by = gefinancierd door { $funders }
project-from-year = vanaf { $year }
project-until-year = tot { $year }
project-from = vanaf { $date }
project-until = tot { $date }
project-from-to = van { $start } tot { $end }

## Projecten: de pagina van een organisatie

project-role-funds = financiert
project-role-accountable = verantwoordelijk
project-role-implements = voert uit
project-none-recorded = Geen project geregistreerd.

## Projecten: de pagina van een project

project-remove-keeps = Missies die er deel van uitmaakten, blijven bestaan, los van het project.
project-topic-dac = { $topic } (DAC { $code })
project-dates = Looptijd
project-possible-duplication = Mogelijke duplicatie
project-no-overlap = Geen ander gepland of lopend project van andere financiers werkt aan hetzelfde onderwerp in hetzelfde land in dezelfde periode.
project-overlaps-intro = Andere financiers werken aan hetzelfde onderwerp in hetzelfde land in dezelfde periode:

## Projecten: het formulier

project-hint-identifier = De IATI-activiteitsidentificatie, als het project er een heeft
project-hint-ends = Leeg laten zolang het project loopt
project-hint-sectors = DAC-doelcodes van 5 cijfers die door geen onderwerp hierboven worden gedekt, bijvoorbeeld 43010, gescheiden door komma's
project-hint-budget = Een geheel getal, bijvoorbeeld 1250000
project-hint-currency = ISO-code: USD, CAD, GBP, EUR…
project-budget-invalid = Voer het budget in als geheel getal, bijvoorbeeld 1250000 of 1 250 000.
project-may-be-recorded = Dit project is misschien al geregistreerd: { $projects }. Controleer dit voordat u een tweede exemplaar opslaat.

## Projecten: de IATI-export

iati-download = Downloaden als IATI-XML…
iati-about = De getoonde projecten, als IATI-activiteiten-XML 2.03 voor het IATI-register en d-portal, gepubliceerd namens:
iati-reporting-organisation = Rapporterende organisatie
iati-choose = Kiezen…
iati-identifier = Haar IATI-organisatie-identificatie
iati-kind = Soort organisatie
iati-download-button = IATI-XML downloaden
iati-written = { $count ->
    [one] { $count } project geschreven als IATI-activiteit.
   *[other] { $count } projecten geschreven als IATI-activiteiten.
}

## IATI-organisatietypen (codelijst OrganisationType)

iati-organisation-type-10 = Overheid
iati-organisation-type-15 = Overige publieke sector
iati-organisation-type-21 = Internationale ngo
iati-organisation-type-23 = Regionale ngo
iati-organisation-type-40 = Multilateraal
iati-organisation-type-60 = Stichting
iati-organisation-type-70 = Particuliere sector
iati-organisation-type-80 = Academisch, opleiding en onderzoek
iati-organisation-type-90 = Overig

## Wie financiert wat, en waar

funding-title = Wie financiert wat, en waar
funding-lead = Geplande of lopende projecten, per land en onderwerp. Een gemarkeerde cel wijst op mogelijke duplicatie: projecten van verschillende financiers over hetzelfde onderwerp, in hetzelfde land, in dezelfde periode. Een lege cel is een lacune die geen enkel project dekt.
funding-empty = Er is nog geen gepland of lopend project geregistreerd. { $add } om te zien wie wat financiert, en waar.
funding-empty-add = Voeg een project toe
funding-summary = { $live ->
    [one] { $live } gepland of lopend project
   *[other] { $live } geplande of lopende projecten
} · { $overlaps ->
    [one] { $overlaps } mogelijke duplicatie
   *[other] { $overlaps } mogelijke duplicaties
} · { $uncovered } van de { $countries } getoonde landen zonder gepland of lopend project
funding-table = Financiers per land en onderwerp
funding-caption = Financiers van geplande of lopende projecten, per land (rijen) en onderwerp (kolommen)
funding-gap = geen
funding-cell = { $count ->
    [one] { $count } project in { $country } over { $topic }
   *[other] { $count } projecten in { $country } over { $topic }
}
funding-overlap = Overlap:
funding-no-overlap = Geen: er zijn geen twee geplande of lopende projecten van verschillende financiers met hetzelfde land, hetzelfde onderwerp en overlappende data.
funding-pair = { $first } en { $second }
