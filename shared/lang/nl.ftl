# Tradewinds: de interface in het Nederlands.

## Taalkeuze

language = Taal
language-now = De interface is nu in het Nederlands.

## Starten

app-opening = De catalogus wordt geopend…
app-opening-slow = Nog steeds aan het wachten: als Tradewinds in een ander tabblad of venster openstaat, sluit of herlaad het, zodat dit venster de gegevens op dit apparaat kan bijwerken.
app-cannot-start = Tradewinds kan niet starten
app-storage-failed = De opslag van de browser kon niet worden geopend: { $error }.
app-storage-hint = Tradewinds bewaart zijn gegevens in deze browser. Verlaat privénavigatie, sta sitegegevens toe voor dit adres en herlaad de pagina.
page-not-found = Pagina niet gevonden
go-to-start = Naar de startpagina

## Het kader van elk scherm

skip-to-content = Naar de inhoud
menu = Menu
nav-main = Hoofdmenu
nav-organisations = Organisaties
nav-training = Trainingsmiddelen
nav-meetings = Vergaderingen
nav-actions = Actiepunten
nav-missions = Missies
nav-projects = Projecten
nav-funding = Financiering
nav-search = Zoeken
nav-sync = Synchronisatie
nav-about = Over
nav-users = Gebruikers
understood = Begrepen
sign-in-again = Opnieuw aanmelden
update-ready = Er is een nieuwe versie klaar —
update-reload = Herladen
update-data-stays = Uw gegevens blijven op dit apparaat.
install = Installeren

## Startpagina

home-title = Capaciteitsopbouw voor de douane in het Caribisch gebied
home-search-label = Alles doorzoeken
home-search-placeholder = Een naam, een onderwerp, een land…
search-button = Zoeken
home-lead = Wie wat biedt aan de douanediensten in de regio: organisaties en hun contactpersonen, de trainingsmiddelen die douaneambtenaren kunnen gebruiken, de missies en projecten die donoren financieren, en de vergaderingen waar zij afspreken wie wat doet. Alles werkt op dit apparaat zonder verbinding en wordt gesynchroniseerd zodra er een verbinding is.
home-organisations = { $count ->
    [one] organisatie
   *[other] organisaties
}
home-organisations-about = Donoren, aanbieders, regionale organisaties en douanediensten
home-training = { $count ->
    [one] trainingsmiddel
   *[other] trainingsmiddelen
}
home-training-about = E-learning, workshops en handleidingen, per onderwerp en taal
home-meetings = { $count ->
    [one] vergadering
   *[other] vergaderingen
}
home-meetings-about = Coördinatievergaderingen van donoren en videoconferenties, met wat er is afgesproken
home-actions = { $count ->
    [one] actiepunt
   *[other] actiepunten
}
home-actions-about = Wie heeft afgesproken wat te doen, wanneer, en of het klaar is
home-missions = { $count ->
    [one] missie
   *[other] missies
}
home-missions-about = Missies voor technische bijstand en hun bevindingen
home-projects = { $count ->
    [one] project
   *[other] projecten
}
home-projects-about = Wie financiert en voert wat uit, en waar:
home-overlaps = overlappingen en lacunes
add-training-tool = Een trainingsmiddel toevoegen
add-organisation = Een organisatie toevoegen
own-follow-up = { $pending ->
    [0] Geen actiepunten te doen.
    [one] { $overdue ->
        [0] 1 actiepunt te doen.
       *[other] 1 actiepunt te doen, en het is over tijd.
    }
   *[other] { $overdue ->
        [0] { $pending } actiepunten te doen.
       *[other] { $pending } actiepunten te doen, waarvan { $overdue } over tijd.
    }
}
see-its-page = Naar de pagina

## Lijsten

list-search = Zoeken
list-show-more = Nog { $count } tonen
list-not-shown = ({ $count } nog niet getoond)
download-csv = Downloaden als CSV
import-from-spreadsheet = Importeren uit een spreadsheet
file-not-made = Het bestand kon niet worden gemaakt: { $error }

## De synchronisatiestatus

sync-all-saved = Alle wijzigingen opgeslagen op de server
sync-not-yet = Nog niet gesynchroniseerd
sync-waiting-since = { $count ->
    [one] 1 wijziging wacht sinds { $time }
   *[other] { $count } wijzigingen wachten sinds { $time }
}
sync-waiting = { $count ->
    [one] 1 wijziging wacht
   *[other] { $count } wijzigingen wachten
}
sync-signed-out = { $count ->
    [0] Afgemeld — meld u opnieuw aan om te synchroniseren
    [one] Afgemeld — meld u opnieuw aan om 1 wachtende wijziging te versturen
   *[other] Afgemeld — meld u opnieuw aan om { $count } wachtende wijzigingen te versturen
}
sync-last = laatst gesynchroniseerd { $time }
sync-loading-of = catalogus laden: { $got } van { $total } records
sync-loading = catalogus laden: { $got } records
sync-syncing = synchroniseren…
sync-offline = offline: wijzigingen blijven op dit apparaat bewaard
sync-problem = synchronisatieprobleem: { $error }
sync-held = { $count ->
    [one] 1 wijziging van { $who } niet onder uw naam verstuurd — zie Synchronisatie
   *[other] { $count } wijzigingen van { $who } niet onder uw naam verstuurd — zie Synchronisatie
}
sync-another-person = iemand anders
sync-refused = { $count } geweigerd door de server — zie Synchronisatie
left-seconds-few = nog enkele seconden
left-seconds = nog ongeveer { $count } seconden
left-minute = nog ongeveer een minuut
left-minutes = nog ongeveer { $count } minuten
left-hour = nog meer dan een uur

## Aanmelden

sign-in = Aanmelden
signing-in = Bezig met aanmelden…
email = E-mailadres
password = Wachtwoord
required-mark = {" "}(verplicht)
sign-in-lead = Tradewinds bewaart de catalogus van capaciteitsopbouw voor de douane in het Caribisch gebied op dit apparaat. Meld u één keer online aan; daarna opent en werkt het zonder verbinding.
sign-in-as-someone-else = U bent aangemeld. Om als iemand anders te werken, meldt u zich aan met diens account; nog niet verstuurde wijzigingen blijven van wie ze heeft gemaakt.
sign-in-session-ended = Uw sessie is beëindigd. Alles wat u op dit apparaat hebt gedaan, blijft bewaard; meld u opnieuw aan om het te versturen.
sign-in-offline = Voor het aanmelden is een verbinding met de server nodig, en die is nu niet bereikbaar. Probeer het opnieuw als u online bent; wat al op dit apparaat staat, blijft hier.
sign-in-failed = Aanmelden is niet gelukt: { $error }
sign-in-enter-email = Vul het e-mailadres van uw account in.
sign-in-enter-password = Vul uw wachtwoord in.
sign-in-last-person = de laatst aangemelde persoon
sign-in-waiting = { $count ->
    [one] 1 wijziging die { $who } op dit apparaat heeft gemaakt, wacht om verstuurd te worden. Ze wordt verstuurd wanneer { $who } zich hier aanmeldt, nooit onder een andere naam.
   *[other] { $count } wijzigingen die { $who } op dit apparaat heeft gemaakt, wachten om verstuurd te worden. Ze worden verstuurd wanneer { $who } zich hier aanmeldt, nooit onder een andere naam.
}
sign-in-waiting-several = { $count } wijzigingen die { $who } en anderen op dit apparaat hebben gemaakt, wachten om verstuurd te worden. Elke wijziging wordt verstuurd wanneer degene die haar maakte zich hier aanmeldt, nooit onder een andere naam.
