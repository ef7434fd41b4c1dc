# Wat er mis is met wat iemand invoerde of verstuurde: controles van velden en weigeringen van de server.

## Elk veld

problem-required = Dit veld is verplicht.
problem-too-long = Ten hoogste { $max } tekens (dit zijn er { $count }).
problem-not-url = Voer een volledig webadres in dat begint met http:// of https://.
problem-not-email = Voer een e-mailadres in zoals naam@customs.gov.bb.
problem-not-day = Voer een datum in als JJJJ-MM-DD, bijvoorbeeld { $example }.
problem-not-year = Voer een jaar in tussen 1950 en 2100.
problem-not-phone = Gebruik alleen cijfers, spaties en + - ( ), bijvoorbeeld +1 246 555 0100.
problem-unknown-topic = Onbekend onderwerp: `{ $code }`.
problem-unknown-country = Onbekende landcode: `{ $code }` (gebruik ISO 3166 alfa-2, bijvoorbeeld BB).
problem-unknown-language = Onbekende taalcode: `{ $code }`.
problem-too-many-orgs = Ten hoogste { $max } organisaties.
problem-no-language = Kies ten minste één taal.
problem-not-iati-org-id = “{ $value }” is geen IATI-organisatie-identificatie: het voorvoegsel van een registratie-instantie en een nummer, verbonden door koppeltekens, zonder spaties of schuine strepen (bijvoorbeeld XM-DAC-41114).

## Gegevens van elke soort

problem-successor-not-defunct = Alleen een opgeheven organisatie heeft een opvolger.
problem-memberships = Ten hoogste 30 lidmaatschappen, elk een naam van ten hoogste 60 tekens.
problem-contact-organisation = Kies de organisatie waartoe dit contact behoort.
problem-tool-provider = Kies de organisatie die dit instrument aanbiedt.
problem-meeting-starts = Voer de eerste dag van de vergadering in.
problem-ends-before-starts = De laatste dag kan niet vóór de eerste liggen.
problem-meeting-organiser = Kies de organisatie die de vergadering bijeenriep of ontving.
problem-action-owner = Kies de organisatie die verantwoordelijk is voor deze actie.
problem-action-owner-shares = De eigenaar is al verantwoordelijk: laat hem weg bij wie de actie delen.
problem-action-due = Voer de termijn in als 2013-04-30 (een dag), 2013-04 (een maand) of 2013-Q2 (een kwartaal), of laat hem leeg zolang hij niet vastligt.
problem-mission-provider = Kies de organisatie die de bijstand verleent.
problem-mission-beneficiary = Kies de begunstigde dienst (of ten minste het land).
problem-mission-starts = Voer de eerste dag van de missie in.
problem-project-ends-before-starts = Het einde kan niet vóór het begin liggen.
problem-project-accountable = Kies de organisatie die verantwoordelijk is voor het project.
problem-project-funders = Kies ten minste één donor.
problem-too-many-sectors = Ten hoogste { $max } sectoren.
problem-not-dac-code = “{ $code }” is geen DAC-doelcode van 5 cijfers (bijvoorbeeld 43010).
problem-budget-too-large = Dat is meer dan 100 miljard: controleer het bedrag.
problem-not-currency = Gebruik een ISO 4217-code van drie letters, bijvoorbeeld USD, CAD, GBP of EUR.
problem-currency-missing = Vermeld in welke munt het budget is, bijvoorbeeld USD.
problem-document-url = Geef het adres waar het document is gepubliceerd, bijvoorbeeld https://www.cartac.org/…, of voeg het bestand toe.
problem-document-publisher = Kies de organisatie die het publiceerde.
problem-file-hash = De vingerafdruk van het bestand is geen SHA-256 (64 hexadecimale cijfers).
problem-file-name = Geef het bestand een naam zonder mappen of stuurtekens, van ten hoogste 200 tekens.
problem-file-empty = Het bestand is leeg.
problem-file-too-large = Een bestand mag ten hoogste { $max } MB zijn; dit is { $size } MB. Verklein het (een foto) of sla het kleiner op (een pdf).
problem-file-type = Tradewinds bewaart pdf-bestanden, kantoordocumenten (Word, Excel, PowerPoint, OpenDocument), JPEG-, PNG-, GIF- en WebP-afbeeldingen en platte tekst; dit bestand is geen van deze.
problem-file-markup = Webpagina's, SVG-tekeningen en andere opmaaktaal kunnen niet worden toegevoegd, omdat een browser ze kan uitvoeren. Sla het op als pdf.
problem-file-packed = Dit bestand pakt uit tot veel meer dan zijn grootte (een "zipbom") en wordt niet bewaard.
problem-file-claimed = De inhoud van het bestand is { $found }, niet de { $claimed } die het document noemt.
problem-file-mismatch = De ontvangen bytes passen niet bij de vingerafdruk van het bestand; het wordt opnieuw vanaf het begin verzonden.
problem-file-not-attached = Geen document dat u mag bewerken noemt dit bestand, dus het kan niet worden geüpload.
problem-file-not-uploaded = Dit bestand is nog niet op de server: het apparaat dat het toevoegde, verstuurt het zodra het weer online is.
problem-file-offset = De server heeft { $received } bytes van dit bestand; stuur het deel dat daar begint.
problem-file-part-too-large = Een deel mag ten hoogste { $max } bytes zijn, en het bestand eindigt bij byte { $size }.

## Accounts

problem-password-short = Gebruik ten minste { $min } tekens.
problem-password-long = Gebruik ten hoogste { $max } bytes.
problem-not-current-password = Dit is niet uw huidige wachtwoord.
problem-office-editor-organisation = Een redacteur werkt voor één dienst: kies die.

## Wie wat mag wijzigen

problem-viewer-cannot-change = Uw account kan de catalogus lezen maar niet wijzigen (lezer). Vraag een beheerder om bewerkingsrechten.
problem-office-editor-without-organisation = Uw account is een redacteur zonder organisatie; vraag een beheerder de uwe in te stellen.
problem-only-coordinators-add-orgs = Alleen regionale coördinatoren kunnen organisaties toevoegen.
problem-only-coordinators-remove-orgs = Alleen regionale coördinatoren kunnen organisaties verwijderen.
problem-only-coordinators-change-org-field = Alleen regionale coördinatoren kunnen het veld “{ $field }” van een organisatie wijzigen.
problem-only-coordinators-restore = Alleen een regionale coördinator kan een verwijderd gegeven herstellen.
problem-another-offices-record = Dit gegeven hoort bij een andere organisatie: alleen die dienst of een regionale coördinator kan het wijzigen.
problem-own-office-only = Een redacteur kan alleen gegevens van de eigen organisatie opslaan.

## Wijzigingen zoals de server ze ontvangt

problem-not-true-or-false = Moet true of false zijn.
problem-no-such-field = Gegevens van deze soort hebben geen veld met de naam `{ $field }`.
problem-unknown-field = Onbekend veld: `{ $field }`.
problem-wrong-value = Verkeerde waarde: { $detail }.
problem-wrong-kind = Gegeven { $id } is van de soort “{ $stored }”, niet “{ $sent }”.
problem-context-unchanged-field = Er is een context gegeven voor een veld dat de wijziging niet verandert.
problem-removal-alone = Een gegeven verwijderen of herstellen verandert verder niets: stuur de andere wijzigingen apart.
problem-unseen-versions = Deze wijziging is gemaakt met kennis van versies van dit veld die hier nooit zijn ontvangen (nadat een server uit een back-up is hersteld, of door een defecte app); ze is geweigerd. Stuur ze opnieuw om ze toe te passen op het gegeven zoals het nu is.

## Een bestand importeren: de cellen van een rij

problem-import-not-id = “{ $text }” is geen identificatie van een gegeven.
problem-import-id-of-other-kind = Deze identificatie hoort hier bij een gegeven van een andere soort ({ $kind }); een gegeven houdt zijn soort.
problem-import-row-of-many = Deze rij komt overeen met { $count } gegevens op dit apparaat: voeg de kolom { $column } toe om te zeggen welk.
problem-import-beyond-headers = Deze cel staat na de laatste kolom met een kop.
problem-import-same-record = Regel { $line } is hetzelfde gegeven: houd een van de twee rijen.
problem-import-no-such-id = Er is geen { $kind } met de identificatie { $id } op dit apparaat.
problem-import-name-of-many = “{ $text }” noemt { $count } gegevens van de soort { $kind }: schrijf de volledige naam of de identificatie van het bedoelde.
problem-import-no-such-name = Er is geen { $kind } met de naam “{ $text }” op dit apparaat: voeg die eerst toe, of verbeter de naam.
problem-import-not-known = “{ $text }” is geen bekende waarde voor “{ $what }” (bijvoorbeeld { $examples }).
problem-import-not-topic = “{ $text }” is geen bekend onderwerp (bijvoorbeeld { $examples }).
problem-import-not-day = “{ $text }” is geen datum: schrijf 2013-04-15 of 15 april 2013.
problem-import-not-due = “{ $text }” is geen termijn: schrijf 2013-04-15, april 2013, 2e kwartaal 2013 of 2013-Q2, of laat leeg.
problem-import-not-whole = “{ $text }” is geen geheel getal.
a-country = land
a-language = taal
record-noun-organisation = organisatie
record-noun-contact = contact
record-noun-training_tool = opleidingsinstrument
record-noun-programme = programma
record-noun-meeting = vergadering
record-noun-action_item = actie
record-noun-project = project
record-noun-mission = missie
record-noun-document = document

## De rapporterende organisatie van de IATI-export

problem-reporter-missing = Voer de IATI-identificatie van de rapporterende organisatie in (bijvoorbeeld XM-DAC-41114): een IATI-bestand noemt wie het publiceert.
problem-reporter-kind = Kies wat voor organisatie de rapporterende organisatie is.
problem-reporter-name = Kies de rapporterende organisatie.

## Beginnen vanaf een kopie van de catalogus

problem-copy-unknown-kind = “{ $kind }” is geen soort gegeven die deze versie kent.
problem-copy-twice = De kopie bevat dit gegeven twee keer: alleen het eerste wordt gelezen.

## Wijzigingen die de server weigert

problem-clock-ahead = De klok van het apparaat loopt meer dan een dag voor op de server; corrigeer datum en tijd en verstuur opnieuw.
problem-record-invalid = De wijziging is geweigerd: het gegeven zou niet geldig zijn.

## Wijzigingen op een bestand meegenomen

problem-file-not-changes = Dit is geen wijzigingenbestand van Tradewinds (gemaakt met “Mijn wachtende wijzigingen in een bestand opslaan”): { $detail }
problem-file-newer = Dit wijzigingenbestand is gemaakt met een nieuwere versie van Tradewinds (versie { $version }); werk eerst de server bij.
problem-file-changes-unreadable = De wijzigingen in dit bestand kunnen niet worden gelezen: { $detail }
problem-file-not-text = Dit wijzigingenbestand wordt niet verwerkt: het is geen tekst (een wijzigingenbestand is JSON in UTF-8).
problem-file-servers-device = Dit wijzigingenbestand wordt niet verwerkt: het apparaat ervan is dat van de server zelf.
problem-file-numbered-from-zero = Dit wijzigingenbestand wordt niet verwerkt: de wijzigingen zijn genummerd vanaf 0; ze beginnen bij 1.
problem-file-gap-inside = Dit wijzigingenbestand wordt niet verwerkt: op wijziging { $first } volgt { $next }; wijzigingen worden zonder gaten genummerd.
problem-file-server-device = Deze apparaat-identificatie hoort bij de server.
problem-file-altered = Dit bestand is gewijzigd nadat het werd gemaakt, of het is gemaakt voor een andere server: er is niets verwerkt. Sla de wijzigingen op het apparaat opnieuw in een bestand op.
problem-file-account-disabled = De wijzigingen in dit bestand zijn van “{ $name }”, wiens account hier uitgeschakeld is of niet bestaat: er is niets verwerkt.
problem-file-key-withdrawn = Dit bestand is op het apparaat verzegeld met een sleutel die sindsdien is ingetrokken (“{ $name }” heeft zich overal afgemeld, of een beheerder heeft het wachtwoord ingesteld): er is niets verwerkt. De wijzigingen staan nog op het apparaat en bereiken de server bij de volgende online synchronisatie; of meld u er opnieuw aan en sla een nieuw bestand op.
problem-file-foreign-copy = Dit bestand is gemaakt op basis van een kopie van de catalogus die deze server niet meer heeft (hij is uit een back-up hersteld of vervangen): er is niets verwerkt. De wijzigingen van het apparaat bereiken de server bij de volgende online synchronisatie.
problem-file-gap = De wijzigingen in dit bestand beginnen bij nummer { $first }, maar de server heeft van dit apparaat pas tot { $before } ontvangen: een eerder bestand (of een synchronisatie) is niet aangekomen. Verwerk dat eerst; er is niets verwerkt.
problem-file-device-not-yours = Deze apparaat-identificatie hoort bij een ander account: de wijzigingen worden alleen aanvaard van het account dat ze als eerste gebruikte.

## De antwoorden van de server op verzoeken

problem-sign-in-first = Meld u eerst aan: dit verzoek heeft geen geldige sessie (ontbrekend, verlopen of afgemeld).
problem-wrong-credentials = Het e-mailadres of wachtwoord klopt niet (of het account is uitgeschakeld).
problem-too-many-attempts = { $seconds ->
    [one] Te veel mislukte aanmeldingen of verkeerde wachtwoorden. Wacht { $seconds } seconde en probeer het opnieuw.
   *[other] Te veel mislukte aanmeldingen of verkeerde wachtwoorden. Wacht { $seconds } seconden en probeer het opnieuw.
}
problem-admins-only = Alleen beheerders beheren accounts.
problem-no-user = Geen gebruiker met de identificatie { $id }.
problem-not-user-id = `{ $text }` is geen gebruikersidentificatie (een UUID).
problem-no-organisation = Geen organisatie met de identificatie { $id }.
problem-email-taken = Er is al een account voor { $email }.
problem-last-admin = Dit is de laatste actieve beheerder: maak eerst iemand anders beheerder.
problem-cannot-add = Uw account ({ $role }) kan geen gegevens van deze soort ({ $kind }) toevoegen.
problem-cannot-change = Uw account ({ $role }) kan dit gegeven ({ $kind }) niet wijzigen.
problem-no-record = Geen { $kind } met de identificatie { $id }.
problem-reserved-field = `{ $field }` kan niet in de body staan: de identificatie staat in de URL, en DELETE verwijdert een gegeven.
problem-empty-body = De body bevat geen velden om op te slaan.
problem-record-not-valid = Het gegeven is niet geldig:
problem-device-not-yours = Deze apparaat-identificatie hoort bij een ander account: wijzigingen worden alleen aanvaard van het account dat ze als eerste gebruikte. De app gaat verder als een nieuw apparaat van u.
problem-too-many-devices = Dit account synchroniseert al vanaf { $max } apparaten, het maximum voor één account; vraag het een beheerder.
problem-server-device = Deze apparaat-identificatie hoort bij de server; een apparaat verstuurt onder een eigen willekeurige identificatie.
problem-push-too-long = Ten hoogste { $max } wijzigingen per verzending; stuur de rest bij de volgende.
problem-push-too-many = Ten hoogste { $max } wijzigingen per verzending ({ $count } ontvangen).
problem-not-consecutive = Wijzigingen moeten doorlopend genummerd zijn; op { $first } volgt { $next }.
problem-numbers-start-at-one = Wijzigingsnummers beginnen bij 1.
problem-mutation-gap = De volgende wijziging van dit apparaat is { $next }, maar de verzending begint bij { $first }: stuur eerst de ontbrekende.
problem-cursor-reset = De gegevens van deze server zijn niet de kopie waarmee dit apparaat het laatst synchroniseerde (hij is uit een back-up hersteld of vervangen). Laad ze opnieuw en stuur dan de wachtende wijzigingen.
problem-not-cursor = `{ $cursor }` is geen cursor die deze server heeft uitgegeven.
problem-bootstrap-gone = Deze download van de catalogus wordt niet meer bewaard; lees /api/v1/sync/bootstrap opnieuw.
problem-not-generation = Dit is geen naam van een generatie (verwacht: /api/v1/sync/bootstrap/GENERATION/PAGE, zoals de index ze noemt).
problem-not-page = Een pagina is een getal, geteld vanaf 0 (verwacht: /api/v1/sync/bootstrap/GENERATION/PAGE, zoals de index ze noemt).
problem-copy-holds-every-kind = Een kopie van de catalogus bevat alle soorten: laat kind weg bij format=json.
problem-iati-holds-projects = Een IATI-bestand bevat projecten: gebruik kind=projects met format=iati.
problem-unknown-format = `{ $format }` is geen formaat dat deze server importeert; gebruik format=csv, format=iati of format=json.
problem-import-kind-missing = Zeg welke soort het bestand bevat: kind is een van { $kinds }.
problem-import-kind-wrong = `{ $kind }` kan niet worden geïmporteerd; kind is een van: { $kinds }.
problem-no-endpoint = Er is geen API-eindpunt op { $path }.
problem-method-not-taken = { $path } aanvaardt geen { $method }.
problem-no-such-kind = Er zijn geen gegevens van de soort `{ $kind }` (bekend: { $known }).
problem-not-record-id = `{ $text }` is geen identificatie van een gegeven (een UUID zoals 0b6f3c3e-5b1a-4c8e-9d59-2f0c1a7e4b10).
problem-body-wrong-shape = De body van het verzoek heeft niet de juiste vorm: { $detail }
problem-body-not-json = De body van het verzoek is geen geldige JSON: { $detail }
problem-body-not-json-type = Stuur de body als JSON met `Content-Type: application/json`.
problem-body-unreadable = De body van het verzoek kon niet worden gelezen: { $detail }
problem-body-too-large = De body van het verzoek is groter dan { $max } bytes.
problem-request-not-taken = { $detail }
problem-bad-query = { $detail } (verwacht: { $expected })
problem-no-metrics = Er is niets op /metrics: de server is gestart zonder metrics-token.
problem-internal = Er ging iets mis op de server; het is vastgelegd.

## Bestanden die niet kunnen worden geïmporteerd

problem-csv-empty = Het bestand is leeg: het heeft geen kopregel.
problem-csv-not-text = Dit is geen CSV-tekstbestand (het is misschien het eigen formaat van een spreadsheet): sla het in de spreadsheet op als “CSV UTF-8” en kies dat bestand.
problem-csv-unclosed-quote = Regel { $line } opent een cel tussen aanhalingstekens (") die nooit wordt gesloten, dus de rest van het bestand kan niet worden gelezen.
problem-csv-too-many-rows = Het bestand heeft meer dan { $limit } rijen; splits het in kleinere bestanden.
problem-not-importable = Gegevens van de soort “{ $kind }” kunnen niet uit CSV worden geïmporteerd.
problem-no-columns = Geen kolom van dit bestand is een veld van gegevens van de soort “{ $kind }”: de kopregel zou kolommen moeten noemen zoals { $expected }.
problem-same-field-twice = De kolommen “{ $first }” en “{ $second }” zijn hetzelfde veld: houd er een van.
problem-not-xml = Het bestand kan op regel { $line } niet als XML worden gelezen: { $detail }.
problem-not-copy-json = Het bestand kan op regel { $line } niet als kopie van de catalogus worden gelezen: { $detail }.
problem-xml-doctype = Het bestand kan op regel { $line } niet als XML worden gelezen: het declareert een DOCTYPE, wat IATI-bestanden niet doen; het wordt geweigerd in plaats van uit te werken wat het declareert.
problem-xml-entity = Het bestand kan op regel { $line } niet als XML worden gelezen: “&{ $entity };” is geen eigen entiteit van XML, en het bestand mag er geen andere declareren.
problem-xml-cut-short = Het bestand kan op regel { $line } niet als XML worden gelezen: het eindigt voordat <{ $element }> is gesloten (het is misschien afgekapt).
problem-iati-no-elements = Dit bestand heeft geen XML-elementen: het is geen IATI-activiteitenbestand.
problem-iati-two-roots = Het bestand heeft meer dan één hoofdelement: het is geen IATI-activiteitenbestand.
problem-iati-organisation-file = Dit is een IATI-organisatiebestand: kies een activiteitenbestand (<iati-activities>).
problem-iati-other-root = Dit is geen IATI-activiteitenbestand: het begint met <{ $element }>, niet met <iati-activities>.
problem-iati-version = IATI-versie “{ $version }” wordt niet gelezen: deze import leest de versies 2.01 tot en met 2.03.
problem-copy-not-copy = Dit JSON-bestand is geen kopie van een Tradewinds-catalogus: het heeft geen "format": "tradewinds-catalogue".
problem-copy-newer = Deze kopie heeft indelingsversie { $version }, geschreven door een nieuwere Tradewinds; deze leest versie { $read }. Werk de app bij en lees de kopie opnieuw.
problem-copy-no-version = Deze kopie zegt niet welke indelingsversie ze heeft ("version").

## Wat een IATI-bestand bevat dat niet wordt bewaard

problem-iati-note-accountable = { $activity }: { $kept } geldt als verantwoordelijke; { $others } niet.
problem-iati-note-countries = { $activity }: ontvangende landen buiten de lijst van de catalogus worden niet bewaard ({ $codes }).
problem-iati-note-sectors = { $activity }: de sectoren { $codes } zijn geen DAC-codes van 5 cijfers en worden niet bewaard.
problem-iati-note-currencies = { $activity }: budgetten in andere munten dan { $currency } worden niet opgeteld.
