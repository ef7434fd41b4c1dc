# Accounts, importing files and changes carried on a file.

## De pagina Gebruikers

users-admins-only = Alleen beheerders beheren gebruikers.
users-lead = Accounts worden op de server bewaard, niet op dit apparaat: deze pagina heeft een verbinding nodig.
users-offline = Voor het beheren van gebruikers is een verbinding met de server nodig, en die is nu niet bereikbaar. De catalogus zelf blijft op dit apparaat werken.
users-try-again = Opnieuw proberen
users-not-loaded = De gebruikers konden niet worden geladen: { $error }
users-count = { $count ->
    [one] { $count } account
   *[other] { $count } accounts
}
users-added = { $name } kan zich nu aanmelden als { $email }.
users-add = Een gebruiker toevoegen
users-initial-password = Beginwachtwoord
users-initial-password-hint = Minstens 10 tekens; vertel de persoon hoe die het kan wijzigen
users-add-button = Toevoegen
users-cancel = Annuleren
users-disabled = uitgeschakeld
users-change = Wijzigen
users-enable = Inschakelen
users-disable = Uitschakelen
users-new-password-hint = Leeg laten om het huidige te houden; een nieuw wachtwoord meldt de persoon overal af
users-save = Opslaan

## Importeren uit een spreadsheet

import-lead = Haal records binnen uit een CSV-bestand, projecten uit een IATI-activiteitenbestand, of een kopie van de hele catalogus, bewaard via "Over dit apparaat". Het bestand wordt op dit apparaat gelezen, ook offline; er verandert niets tot u bevestigt, en de records bereiken de server bij de volgende synchronisatie.
import-file-holds = Het bestand bevat
import-kind = { $kind ->
    [organisations] Organisaties
    [contacts] Contactpersonen
    [training_tools] Trainingsmiddelen
    [action_items] Actiepunten
    [projects] Projecten
   *[other] { $kind }
}
import-iati-option = Projecten (IATI-activiteiten in XML)
import-copy-option = De hele catalogus (een kopie bewaard als JSON)
import-activities-in = Activiteiten in
import-region = De regio (een land uit de catalogus, of West-Indië als geheel)
import-file = Bestand
import-hint-csv = Kolommen worden herkend aan hun naam zoals "Downloaden als CSV" ze schrijft (bijvoorbeeld { $examples }); een kolom Id koppelt rijen aan records, anders worden rijen gekoppeld aan wat ze benoemt. Gescheiden door komma's of puntkomma's, in UTF-8 of de eigen codering van de spreadsheet.
import-hint-iati = IATI-activiteiten in XML, versies 2.01 tot en met 2.03: elke activiteit is een project, gekoppeld via de IATI-identificatie; de organisaties ervan worden op naam gekoppeld, en die welke niet op dit apparaat staan, worden genoemd zodat ze eerst kunnen worden toegevoegd.
import-hint-copy = Een kopie gemaakt met "Een kopie van de catalogus downloaden" (Over dit apparaat): elk record wordt gekoppeld via zijn id, toegevoegd als het hier niet staat en gewijzigd waar de kopie afwijkt. Records die niet in de kopie staan, blijven zoals ze zijn.
import-file-unreadable = Het bestand kon niet worden gelezen.
import-file-too-big = Het bestand is { $size } MB; de import leest bestanden van maximaal 20 MB. Splits het in kleinere bestanden.
import-sign-in = Meld u aan om te importeren: de records worden op uw naam toegevoegd.
import-sign-in-first = Meld u aan om te importeren.
import-reading = { $file } lezen…
import-reading-progress = { $file } lezen: { $percent }%
import-checking-progress = { $file } controleren: { $percent }%
import-activities-elsewhere = { $skipped ->
    [one] { $skipped } van de { $activities } activiteiten in het bestand vindt elders plaats en wordt niet gelezen.
   *[other] { $skipped } van de { $activities } activiteiten in het bestand vinden elders plaats en worden niet gelezen.
}
import-orgs-not-added = De organisaties konden niet worden toegevoegd: { $error }
import-nothing-imported = Er is niets geïmporteerd: { $error }
import-missing = { $count ->
    [one] { $count } organisatie die in het bestand wordt genoemd, staat niet op dit apparaat: { $names }.
   *[other] { $count } organisaties die in het bestand worden genoemd, staan niet op dit apparaat: { $names }.
}
import-ask-coordinator = Vraag een regionale coördinator om ze toe te voegen en importeer het bestand daarna opnieuw.
import-add-missing = Ze toevoegen (op naam, met de IATI-identificatie uit het bestand) en het bestand daarna opnieuw controleren
import-confirm = { $count ->
    [one] { $count } record importeren
   *[other] { $count } records importeren
}
import-cancel = Annuleren
import-writing = { $count ->
    [one] { $count } record opslaan…
   *[other] { $count } records opslaan…
}
import-done = { $count ->
    [one] Geïmporteerd: { $count } record toegevoegd of gewijzigd op dit apparaat. Het bereikt de server bij de volgende synchronisatie.
   *[other] Geïmporteerd: { $count } records toegevoegd of gewijzigd op dit apparaat. Ze bereiken de server bij de volgende synchronisatie.
}
import-see-start-page = Naar de startpagina
import-see-follow-up = Naar de opvolglijst
import-see-organisations = Naar de organisaties
import-see-training-tools = Naar de trainingsmiddelen
import-see-projects = Naar de projecten
import-summary = { $add } toe te voegen, { $change } te wijzigen, { $unchanged } al gelijk aan het bestand, { $refused } geweigerd.
import-columns-read = Gelezen kolommen: { $read }
import-columns-not-read = Gelezen kolommen: { $read }. Niet gelezen (geen veld van { $kind ->
    [organisations] organisaties
    [contacts] contactpersonen
    [training_tools] trainingsmiddelen
    [action_items] actiepunten
    [projects] projecten
   *[other] { $kind }
}): { $ignored }
import-not-kept = Niet bewaard ({ $count })
import-refused = Geweigerd ({ $count })
import-refused-rows = Deze rijen worden niet geïmporteerd. Verbeter ze in de spreadsheet en importeer het bestand opnieuw: rijen die al zijn geïmporteerd, worden niet twee keer toegevoegd.
import-refused-records = Deze records worden niet geïmporteerd; de andere wel.
import-column-line = Regel
import-column-record = Record
import-column-row = Rij
import-column-column = Kolom
import-column-field = Veld
import-column-problem = Probleem
import-to-add = Toe te voegen ({ $count })
import-to-change = Te wijzigen ({ $count })
import-more = … en nog { $count }.

## Wijzigingen op een bestand meegenomen (pagina Synchronisatie)

carried-sign-in-to-save = Meld u aan om uw wijzigingen in een bestand op te slaan.
carried-no-key = Dit apparaat heeft de server niet bereikt sinds u zich aanmeldde, dus het heeft nog geen sleutel om een bestand mee te verzegelen; het krijgt er een bij de volgende synchronisatie. Tot dan blijven uw wijzigingen hier wachten.
carried-nothing-waiting = Geen van uw wijzigingen wacht op verzending.
carried-saved = { $count ->
    [one] { $count } wijziging opgeslagen in { $file }. Breng het bestand naar een plaats met een verbinding en geef het aan een beheerder van Tradewinds, die het inleest. De wijziging blijft ook hier en gaat vanzelf mee zodra dit apparaat weer online is.
   *[other] { $count } wijzigingen opgeslagen in { $file }. Breng het bestand naar een plaats met een verbinding en geef het aan een beheerder van Tradewinds, die het inleest. De wijzigingen blijven ook hier en gaan vanzelf mee zodra dit apparaat weer online is.
}
carried-save-about = Hier al lang geen verbinding? Uw wachtende wijzigingen kunnen op een bestand reizen (een USB-stick, of een e-mail die vanaf een andere plaats wordt verstuurd).
carried-save = Mijn wachtende wijzigingen in een bestand opslaan
carried-report = { $changes ->
    [one] { $changes } wijziging
   *[other] { $changes } wijzigingen
} van { $name }, gemaakt op { $time }: { $applied } nu toegepast, { $already } al aanwezig, { $refused } geweigerd.
carried-sign-in-to-take-in = Meld u opnieuw aan om bestanden in te lezen.
carried-not-taken-in = Niet ingelezen: { $error }
carried-title = Wijzigingen op een bestand
carried-take-in-about = Een bestand dat is opgeslagen met "Mijn wachtende wijzigingen in een bestand opslaan" op een apparaat dat niet kon synchroniseren. De wijzigingen worden gecontroleerd alsof die persoon had gesynchroniseerd: een bestand dat twee keer wordt ingelezen, verandert niets.
carried-take-in = Een wijzigingsbestand inlezen
carried-rejected = Wijziging { $n }: { $message }
