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

list-count-organisations = { $shown } van { $total } { $total ->
    [one] organisatie
   *[other] organisaties
}
list-count-training_tools = { $shown } van { $total } { $total ->
    [one] trainingsmiddel
   *[other] trainingsmiddelen
}
list-count-missions = { $shown } van { $total } { $total ->
    [one] missie
   *[other] missies
}
list-count-projects = { $shown } van { $total } { $total ->
    [one] project
   *[other] projecten
}
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

# Velden, gecodeerde waarden, landen, talen en onderwerpen

## Organisations: fields

field-organisations-name = Naam
field-organisations-acronym = Afkorting
field-organisations-iati_identifier = IATI-organisatie-identificatie
field-organisations-category = Categorie
field-organisations-country = Land
field-organisations-website = Website
field-organisations-parent = Onderdeel van
field-organisations-status = Status
field-organisations-successor = Opvolger
field-organisations-languages = Talen
field-organisations-memberships = Lid van
field-organisations-description = Beschrijving
field-organisations-source = Bron van deze gegevens

## Contacts: fields

field-contacts-organisation = Organisatie
field-contacts-role_title = Functie
field-contacts-name = Naam
field-contacts-email = E-mail
field-contacts-phone = Telefoon
field-contacts-language = Taal
field-contacts-duties = Taken als contactpunt
field-contacts-source = Bron van deze gegevens

## Training tools: fields

field-training_tools-title = Titel
field-training_tools-provider = Aanbieder
field-training_tools-programme = Programma
field-training_tools-format = Vorm
field-training_tools-platform = Platform
field-training_tools-languages = Talen
field-training_tools-duration = Duur
field-training_tools-audience = Doelgroep
field-training_tools-access = Toegang
field-training_tools-certification = Certificering
field-training_tools-cost = Kosten
field-training_tools-url = Webadres
field-training_tools-topics = Onderwerpen
field-training_tools-last_verified = Laatst gecontroleerd
field-training_tools-description = Beschrijving
field-training_tools-source = Bron van deze gegevens

## Programmes: fields

field-programmes-name = Naam
field-programmes-acronym = Afkorting
field-programmes-owner = Beheerd door
field-programmes-started = Gestart in
field-programmes-description = Beschrijving
field-programmes-source = Bron van deze gegevens

## Meetings: fields

field-meetings-title = Titel
field-meetings-kind = Soort vergadering
field-meetings-starts = Eerste dag
field-meetings-ends = Laatste dag
field-meetings-venue = Locatie
field-meetings-country = Land
field-meetings-organiser = Georganiseerd door
field-meetings-chair = Voorzitter
field-meetings-attendees = Deelnemende organisaties
field-meetings-topics = Onderwerpen
field-meetings-summary = Samenvatting
field-meetings-source = Bron van deze gegevens

## Action items: fields

field-action_items-meeting = Afgesproken op
field-action_items-mission = Aanbevolen door de missie
field-action_items-text = Actie
field-action_items-owner = Eigenaar
field-action_items-co_owners = Gedeeld met
field-action_items-due = Uiterlijk
field-action_items-status = Status
field-action_items-progress = Voortgang
field-action_items-source = Bron van deze gegevens

## Projects: fields

field-projects-title = Titel
field-projects-identifier = Identificatie
field-projects-status = Status
field-projects-starts = Begin
field-projects-ends = Einde
field-projects-accountable = Verantwoordelijke organisatie
field-projects-funders = Gefinancierd door
field-projects-implementers = Uitgevoerd door
field-projects-countries = Landen
field-projects-topics = Onderwerpen
field-projects-sectors = Andere DAC-sectoren
field-projects-budget = Budget
field-projects-currency = Valuta
field-projects-programme = Programma
field-projects-description = Beschrijving
field-projects-source = Bron van deze gegevens

## Missions: fields

field-missions-title = Titel
field-missions-provider = Uitgevoerd door
field-missions-beneficiary = Ondersteunde douanedienst
field-missions-country = Land
field-missions-project = Project
field-missions-starts = Eerste dag
field-missions-ends = Laatste dag
field-missions-phase = Fase
field-missions-topics = Onderwerpen
field-missions-findings = Bevindingen
field-missions-recommendations = Aanbevelingen
field-missions-report_access = Wie het volledige rapport mag lezen
field-missions-report_url = Waar het rapport wordt bewaard
field-missions-source = Bron van deze gegevens

## Documents: fields

field-documents-title = Titel
field-documents-kind = Soort
field-documents-url = Webadres
field-documents-file = Bestand
field-documents-publisher = Gepubliceerd door
field-documents-meeting = Vergadering
field-documents-mission = Missie
field-documents-project = Project
field-documents-language = Taal
field-documents-published = Gepubliceerd op
field-documents-description = Beschrijving

## RecordKind

RecordKind-organisation = Organisatie
RecordKind-contact = Contactpersoon
RecordKind-training_tool = Trainingsmiddel
RecordKind-programme = Programma
RecordKind-meeting = Vergadering
RecordKind-action_item = Actiepunt
RecordKind-project = Project
RecordKind-mission = Missie
RecordKind-document = Document

## OrgCategory

OrgCategory-donor = Donor
OrgCategory-ta_provider = Aanbieder van technische bijstand
OrgCategory-customs_administration = Douanedienst
OrgCategory-regional_body = Regionale organisatie
OrgCategory-international_organisation = Internationale organisatie
OrgCategory-academic = Academische instelling

## OrgStatus

OrgStatus-active = Actief
OrgStatus-defunct = Opgeheven

## ToolFormat

ToolFormat-e_learning = E-learning
ToolFormat-classroom = Klassikaal
ToolFormat-workshop = Workshop
ToolFormat-blended = Gemengd
ToolFormat-webinar = Webinar
ToolFormat-train_the_trainer = Train-de-trainer
ToolFormat-guide = Handboek of handleiding

## Audience

Audience-all_staff = Alle medewerkers
Audience-frontline = Eerstelijnsmedewerkers
Audience-specialist = Specialisten
Audience-management = Leidinggevenden
Audience-trainers = Trainers

## AccessRule

AccessRule-open = Open voor iedereen
AccessRule-members_only = Alleen voor leden
AccessRule-national_coordinator = Via de nationale coördinator
AccessRule-formal_request = Op formeel verzoek

## Role

Role-viewer = Lezer
Role-office_editor = Redacteur van een dienst
Role-coordinator = Coördinator
Role-admin = Beheerder

## DocumentKind

DocumentKind-agenda = Agenda
DocumentKind-minutes = Notulen of verslag van een vergadering
DocumentKind-presentation = Presentatie
DocumentKind-mission_report = Missierapport
DocumentKind-photo = Foto
DocumentKind-other = Ander document

## MeetingKind

MeetingKind-donor_coordination = Donorcoördinatie
MeetingKind-steering = Stuurgroep
MeetingKind-video_conference = Videoconferentie
MeetingKind-workshop = Workshop of seminar
MeetingKind-other = Andere vergadering

## ActionStatus

ActionStatus-open = Open
ActionStatus-in_progress = Bezig
ActionStatus-done = Afgerond
ActionStatus-cancelled = Geannuleerd

## MissionPhase

MissionPhase-diagnostic = Diagnose
MissionPhase-implementation = Uitvoering
MissionPhase-monitoring = Monitoring en opvolging

## ReportAccess

ReportAccess-public = Openbaar
ReportAccess-participants = De betrokken organisaties
ReportAccess-on_request = Op verzoek aan de ondersteunde douanedienst
ReportAccess-confidential = Vertrouwelijk

## ProjectStatus

ProjectStatus-pipeline = In voorbereiding
ProjectStatus-implementation = Uitvoering
ProjectStatus-finalisation = Afronding
ProjectStatus-closed = Afgesloten
ProjectStatus-cancelled = Geannuleerd
ProjectStatus-suspended = Opgeschort

## Countries and territories

country-AI = Anguilla
country-AG = Antigua en Barbuda
country-AW = Aruba
country-BS = Bahama's
country-BB = Barbados
country-BE = België
country-BZ = Belize
country-BM = Bermuda
country-VG = Britse Maagdeneilanden
country-CA = Canada
country-KY = Kaaimaneilanden
country-CO = Colombia
country-CR = Costa Rica
country-CW = Curaçao
country-DM = Dominica
country-DO = Dominicaanse Republiek
country-FR = Frankrijk
country-GD = Grenada
country-GT = Guatemala
country-GY = Guyana
country-HT = Haïti
country-HN = Honduras
country-JM = Jamaica
country-MX = Mexico
country-MS = Montserrat
country-NL = Nederland
country-NI = Nicaragua
country-PA = Panama
country-KN = Saint Kitts en Nevis
country-LC = Saint Lucia
country-VC = Saint Vincent en de Grenadines
country-SX = Sint Maarten
country-ES = Spanje
country-SR = Suriname
country-TT = Trinidad en Tobago
country-TC = Turks- en Caicoseilanden
country-GB = Verenigd Koninkrijk
country-US = Verenigde Staten
country-VE = Venezuela

## Languages of records

language-en = Engels
language-fr = Frans
language-es = Spaans
language-nl = Nederlands
language-pt = Portugees
language-ht = Haïtiaans Creools

## Topics

topic-risk_management = Risicobeheer
topic-strategic_planning = Strategische planning
topic-integrity = Integriteit en transparantie
topic-valuation = Douanewaarde, tariefindeling en oorsprong
topic-post_clearance_audit = Controle achteraf
topic-enforcement = Handhaving en inlichtingen
topic-small_vessels = Inklaring van kleine vaartuigen
topic-leadership = Leiderschap en management
topic-it_automation = IT en automatisering
topic-legislation = Wetgeving
topic-revenue = Inning van rechten en heffingen
topic-trade_facilitation = Handelsfacilitatie

regional-international = Regionaal / internationaal

## Organisaties

org-search-placeholder = Naam, afkorting, land…
all-categories = Alle categorieën
all-countries = Alle landen
active-and-defunct = Actief en opgeheven
row-defunct = opgeheven
needs-review = te controleren
source-is = Bron: { $source }
org-new-refused = Alleen regionale coördinatoren en beheerders voegen organisaties toe: uw account kan dit formulier niet opslaan.
none-option = (geen)
hint-website = Volledig adres, bijvoorbeeld https://www.cartac.org
hint-iati-organisation = Zoals IATI-bestanden het noemen, bijvoorbeeld XM-DAC-41114; het organisatieregister van IATI vermeldt ze. IATI-imports koppelen organisaties hieraan
hint-memberships = Scheiden met komma's, bijvoorbeeld CARTAC, CCLEC

## Trainingsmiddelen

tool-search-placeholder = Titel, onderwerp, aanbieder…
all-formats = Alle vormen
language-filter = Taal
all-languages = Alle talen
topic-filter = Onderwerp
all-topics = Alle onderwerpen
all-providers = Alle aanbieders
read-only-refused = Uw account kan de catalogus lezen, maar er niets aan toevoegen.
choose-organisation = Kies een organisatie
hint-day = JJJJ-MM-DD

## De pagina Synchronisatie

sync-now = Nu synchroniseren
needs-attention = Vraagt aandacht
nothing-refused = Niets: de server heeft elke wijziging van dit apparaat aanvaard.
waiting-to-be-sent = Wacht op verzending
no-changes-waiting = Geen wachtende wijzigingen.
not-discarded = Niet verwijderd: { $error }
held-title = Wijzigingen van { $who }
held-explained = { $count ->
    [one] 1 wijziging die { $who } op dit apparaat heeft gemaakt, is nooit verstuurd. Ze wordt niet onder uw naam verstuurd. { $who } kan zich op dit apparaat aanmelden om haar te versturen; of verwijder haar (ze gaat dan verloren).
   *[other] { $count } wijzigingen die { $who } op dit apparaat heeft gemaakt, zijn nooit verstuurd. Ze worden niet onder uw naam verstuurd. { $who } kan zich op dit apparaat aanmelden om ze te versturen; of verwijder ze (ze gaan dan verloren).
}
sign-in-as = Aanmelden als { $who }
discard-held = { $count ->
    [one] De wijziging van { $who } verwijderen
   *[other] De { $count } wijzigingen van { $who } verwijderen
}
made-by-at = gemaakt door { $who } op { $time }
made-at = gemaakt op { $time }
open = Openen
still-not-valid = Nog steeds ongeldig: { $error }. Open het record om het te verbeteren.
open-the-record = Het record openen
send-again = Opnieuw versturen
discard-this-change = Deze wijziging verwijderen
edited-in-two-places = Op twee plaatsen bewerkt
no-conflicts = Geen conflicten.
untitled = (zonder titel)
choose-value-to-keep = "{ $field }" is op twee plaatsen gewijzigd. Kies de waarde die u wilt houden:
device-named = apparaat { $device }
keep-this = Deze houden

## Andere lijsten en formulieren

filter-country = Land
filter-kind = Soort
filter-organisation = Organisatie
filter-status = Status
filter-phase = Fase
all-statuses = Alle statussen
all-kinds = Alle soorten
all-phases = Alle fasen
choose-option = (kiezen)
not-set = (niet ingevuld)
add-meeting = Een vergadering toevoegen
meeting-search-placeholder = Titel, plaats, onderwerp, organisator…
any-organiser-or-participant = Elke organisator of deelnemer
meeting-new-refused = Uw account kan geen vergaderingen toevoegen (lezer): dit formulier kan niet worden opgeslagen.
none-online-or-regional = (geen: online of regionaal)
action-search-placeholder = Actie, eigenaar, vergadering, missie…
any-owner = Elke eigenaar
choose-owner = (kies de verantwoordelijke organisatie)
add-mission = Een missie toevoegen
mission-search-placeholder = Titel, bevinding, land…
any-provider-or-beneficiary = Elke aanbieder of begunstigde
mission-new-refused = Uw account kan geen missies toevoegen (lezer): dit formulier kan niet worden opgeslagen.
add-project = Een project toevoegen
project-search-placeholder = Titel, identificatie, financier, land…
any-funder-or-implementer = Elke financier of uitvoerder
project-new-refused = Uw account kan geen projecten toevoegen (lezer): dit formulier kan niet worden opgeslagen.

## Uw account

your-account = Uw account
name = Naam
role = Rol
not-given = (niet opgegeven)
account-session-ended = Uw sessie is beëindigd. Uw werk op dit apparaat blijft bewaard.
to-send-it = om het te versturen.
session-ended-first = Uw sessie is beëindigd: meld u eerst opnieuw aan.
needs-connection = { $doing }: hiervoor is een verbinding met de server nodig, en die is nu niet bereikbaar. Probeer het opnieuw als u online bent.
signing-out-everywhere = Overal afmelden
sign-out = Afmelden
sign-out-everywhere = Overal afmelden
not-yet-sent = { $count ->
    [one] 1 wijziging is nog niet naar de server verstuurd. Ze blijft op dit apparaat en wordt verstuurd wanneer u zich hier opnieuw aanmeldt.
   *[other] { $count } wijzigingen zijn nog niet naar de server verstuurd. Ze blijven op dit apparaat en worden verstuurd wanneer u zich hier opnieuw aanmeldt.
}
sign-out-everywhere-hint = "Overal afmelden" beëindigt uw sessies op elk apparaat, en wijzigingsbestanden die daarop zijn opgeslagen, worden niet meer aanvaard: bijvoorbeeld na het verlies van een laptop.
enter-current-password = Vul uw huidige wachtwoord in.
changing-the-password = Het wachtwoord wijzigen
change-your-password = Uw wachtwoord wijzigen
current-password = Huidig wachtwoord
new-password = Nieuw wachtwoord
at-least-10 = Minstens 10 tekens
password-changed = Wachtwoord gewijzigd. Uw andere sessies zijn afgemeld.
change-password = Wachtwoord wijzigen
adding-a-user = Een gebruiker toevoegen
changing-an-account = Een account wijzigen

## Records, zoeken en geschiedenis

loading = Laden…
could-not-read = De catalogus kon niet worden gelezen: { $error }
record-not-found = { $what } niet gevonden
may-have-been-deleted = Het is misschien verwijderd, of nog niet naar dit apparaat gesynchroniseerd.
back-to-the-list = Terug naar de lijst
edit-named = { $name } bewerken
edit = Bewerken
edited-at-once = Op twee plaatsen tegelijk bewerkt: { $fields }.
review-on-sync = Bekijken op de pagina Synchronisatie
search-everything-here = Alles op dit apparaat doorzoeken
search-placeholder = Een naam, een onderwerp, een land, een bevinding…
search-intro = Organisaties, contactpersonen, trainingsmiddelen, vergaderingen, actiepunten, missies, projecten en documenten.
search-results = { $count ->
    [0] Niets gevonden. Probeer minder of kortere woorden.
    [one] 1 resultaat
   *[other] { $count } resultaten{ $more ->
        [yes] ; de beste { $shown } worden getoond
       *[no] {""}
    }
}
history = Geschiedenis
loading-history = Geschiedenis laden…
history-when-online = De geschiedenis wordt online getoond.
history-when-signed-in = De geschiedenis wordt getoond wanneer u bent aangemeld en online bent.
history-failed = De geschiedenis kon niet worden geladen: { $error }
no-changes-recorded = Geen wijzigingen vastgelegd.

## Over dit apparaat

about-this-device = Over dit apparaat
version = Versie
megabytes = { $mb } MB
stored-on-device = Opgeslagen op dit apparaat
storage-of = { $used } van { $quota } beschikbaar voor deze site
browser-does-not-say = Deze browser vermeldt het niet.
kept-when-low = Bewaard bij ruimtegebrek
kept-yes = Ja: de browser wist de gegevens van Tradewinds niet uit zichzelf.
kept-not-guaranteed = Niet gegarandeerd: de browser kan ze wissen als het apparaat te weinig ruimte heeft. Nog niet gesynchroniseerde wijzigingen zouden verloren gaan.
ask-to-keep = De browser vragen de gegevens van Tradewinds te bewaren
granted = Toegestaan.
not-granted = Niet toegestaan. De app installeren, of haar regelmatig gebruiken, brengt de browser er meestal toe in te stemmen.
catalogue-copy = Een kopie van de catalogus
catalogue-copy-about = Elk record op dit apparaat, van elke soort, als één bestand om te bewaren: het wordt hier of op een ander apparaat weer ingelezen, en de kopie van een gesynchroniseerd apparaat is gelijk aan die van de server.
download-copy = Een kopie van de catalogus downloaden
read-copy-back = Een kopie weer inlezen
copy-saved = { $count ->
    [one] Opgeslagen: { $count } record.
   *[other] Opgeslagen: { $count } records.
}
copy-not-saved = De kopie kon niet worden opgeslagen: { $error }

## Contact met de server

call-offline = de server is niet bereikbaar
call-signed-out = afgemeld: meld u opnieuw aan
call-server-forgot = de server is wijzigingen kwijt die hij van dit apparaat had aanvaard (uit een back-up hersteld?)
call-server-reset = de server is uit een back-up hersteld of vervangen; de gegevens worden opnieuw geladen
call-device-taken = de apparaat-identificatie van deze browser hoort bij een ander account
call-server-problem = de server had een probleem (HTTP { $status }); er wordt opnieuw geprobeerd
call-bad-answer = het antwoord van de server kon niet worden gelezen: { $error }
call-storage-failed = de opslag van deze browser faalde: { $error }
server-refused-http = De server weigerde het verzoek (HTTP { $status }).

## Formulieren en een gegeven verwijderen

save = Opslaan
cancel = Annuleren
correct-fields = { $count ->
    [one] Verbeter het hieronder gemarkeerde veld.
   *[other] Verbeter de { $count } hieronder gemarkeerde velden.
}
sign-in-to-save = Meld u aan om wijzigingen op te slaan.
not-saved-still-in-form = Niet opgeslagen: { $error }. Wat u typte staat nog in het formulier.
not-saved-free-space = Niet opgeslagen: { $error }. Uw invoer staat nog in het formulier; maak ruimte vrij op het apparaat en probeer het opnieuw.
edit-removed-meanwhile = dit gegeven is verwijderd (op dit of een ander apparaat) terwijl u het bewerkte
edit-written-here = een ander tabblad van deze browser heeft intussen enkele van deze velden opgeslagen
remove-this = Dit gegeven verwijderen ({ $kind })
remove-this-ask = Dit gegeven verwijderen ({ $kind })? { $keeps }Het verdwijnt na synchronisatie uit de lijsten op elk apparaat.
yes-remove = Ja, verwijderen
keep-it = Behouden
sign-in-to-remove = Meld u aan om het te verwijderen.
not-removed = Niet verwijderd: { $error }
screen-not-loaded = Dit scherm kon niet worden geladen ({ $error }). Open het opnieuw zodra er verbinding is.
sync-code-not-loaded = de synchronisatiecode kon niet worden geladen ({ $error }); opnieuw proberen

## De opslag van deze browser

db-failed = de database van de browser faalde: { $error }
db-unreadable = opgeslagen gegevens konden niet worden gelezen: { $error }
db-unstorable = gegevens konden niet in opslagbare vorm worden gezet: { $error }
db-unavailable = deze browser heeft geen bruikbare opslag (privévenster of opslag uitgeschakeld?)
held-on-sign-in = { $count ->
    [one] Deze browser bevat 1 wijziging van { $who } die nooit is verstuurd. Ze wordt niet onder uw naam verstuurd: { $who } kan zich hier aanmelden om ze te versturen, of u kunt ze verwijderen op de pagina Synchronisatie.
   *[other] Deze browser bevat { $count } wijzigingen van { $who } die nooit zijn verstuurd. Ze worden niet onder uw naam verstuurd: { $who } kan zich hier aanmelden om ze te versturen, of u kunt ze verwijderen op de pagina Synchronisatie.
}

## Datums

date-day-month = { $day } { $month ->
    [1] januari
    [2] februari
    [3] maart
    [4] april
    [5] mei
    [6] juni
    [7] juli
    [8] augustus
    [9] september
    [10] oktober
    [11] november
   *[12] december
}
date-day = { $daymonth } { $year }
date-month = { $month ->
    [1] januari
    [2] februari
    [3] maart
    [4] april
    [5] mei
    [6] juni
    [7] juli
    [8] augustus
    [9] september
    [10] oktober
    [11] november
   *[12] december
} { $year }
date-quarter = { $quarter }e kwartaal { $year }
date-to-be-decided = Nog te bepalen
dates-in-month = { $first }–{ $last }
dates-in-year = { $first } – { $last }
dates-apart = { $first } – { $last }

## Spreadsheets (CSV): the columns a list's download adds to its fields, and its words
csv-overdue = Te laat
csv-from = Herkomst
csv-dac-sectors = DAC-sectoren
csv-country = Land
csv-overlap = OVERLAP: { $funders }

## The installed app's name and description (its web app manifest)
manifest-name = Tradewinds — capaciteitsopbouw voor de douane in het Caribisch gebied
manifest-description = Wie wat biedt aan de douanediensten in het Caribisch gebied: organisaties, contactpersonen, trainingsmiddelen, projecten, missies en vergaderingen. Werkt offline en synchroniseert vanzelf.

## Values as history and forms show them
value-empty = (leeg)
value-deleted = verwijderd
value-restored = hersteld
value-yes = ja
value-no = nee
value-not-on-device = een record dat niet op dit apparaat staat ({ $id })
form-written-here = Nog niet opgeslagen: terwijl dit formulier open was, heeft een ander tabblad van deze browser { $fields } opgeslagen. Sla opnieuw op om dat te vervangen door wat in dit formulier staat.
form-field-as = { $field } als ‘{ $value }’
value-line = Regel { $line }
value-column = kolom { $number }
